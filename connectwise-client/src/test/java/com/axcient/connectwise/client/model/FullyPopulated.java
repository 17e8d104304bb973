package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a model with every attribute set, found by reflection so that an attribute added later is
 * covered without touching the tests: optionals present, lists with one element, references with
 * an id only, enums with their first known constant.
 */
final class FullyPopulated {

  static final Instant INSTANT = Instant.parse("2024-05-01T12:00:00Z");

  private FullyPopulated() {}

  /** A fully populated instance of the model. */
  static <T> T of(Class<T> model) {
    Object builder = invoke(method(model, "builder"), null);
    for (Method attribute : attributes(model)) {
      Object value = sample(attribute.getGenericReturnType());
      invoke(setter(builder.getClass(), attribute.getName(), value), builder, value);
    }
    return model.cast(invoke(method(builder.getClass(), "build"), builder));
  }

  /** A copy of the instance with one attribute replaced, through {@code builder().from(..)}. */
  static Object with(Class<?> model, Object instance, String attribute, Object value) {
    Object builder = invoke(method(model, "builder"), null);
    invoke(setter(builder.getClass(), "from", instance), builder, instance);
    invoke(setter(builder.getClass(), attribute, value), builder, value);
    return invoke(method(builder.getClass(), "build"), builder);
  }

  /** The model's attributes: its abstract accessors, by name. */
  static List<Method> attributes(Class<?> model) {
    return Arrays.stream(model.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  /** The element type of an {@code Optional}, {@code List} or {@code Map} attribute. */
  static Class<?> elementType(Method attribute) {
    if (attribute.getGenericReturnType() instanceof ParameterizedType p) {
      Type[] arguments = p.getActualTypeArguments();
      return (Class<?>) arguments[arguments.length - 1];
    }
    return attribute.getReturnType();
  }

  private static Object sample(Type type) {
    if (type == long.class) {
      return 1L;
    }
    if (type == OptionalLong.class) {
      return OptionalLong.of(1);
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type argument = p.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return Optional.of(element((Class<?>) argument));
      }
      if (raw == List.class) {
        return List.of(element((Class<?>) argument));
      }
      if (raw == Map.class) {
        return Map.of("lastUpdated", INSTANT.toString());
      }
    }
    throw new IllegalArgumentException("no sample for attributes of type " + type);
  }

  private static Object element(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Integer.class) {
      return 1;
    }
    if (type == Long.class) {
      return 1L;
    }
    if (type == Boolean.class) {
      return true;
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("1.25");
    }
    if (type == Instant.class) {
      return INSTANT;
    }
    if (type == Reference.class) {
      return Reference.of(1);
    }
    if (type == JsonNode.class) {
      return TextNode.valueOf("text");
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .filter(c -> !((Enum<?>) c).name().equals("UNKNOWN"))
          .findFirst()
          .orElseThrow();
    }
    return of(type);
  }

  private static Method setter(Class<?> builder, String name, Object value) {
    for (Method method : builder.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        Class<?> parameter = method.getParameterTypes()[0];
        if (parameter.isInstance(value) || (parameter == long.class && value instanceof Long)) {
          return method;
        }
      }
    }
    throw new IllegalArgumentException(
        "no method " + name + " on " + builder.getName() + " that takes " + value.getClass());
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
  }
}
