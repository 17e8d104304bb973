package com.axcient.connectwise.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON configuration the client reads and writes ConnectWise records with.
 *
 * <p>{@link #newObjectMapper()} returns a fresh mapper each call: Java 8 types
 * ({@code Optional}), Java time types as ISO-8601 text, unknown properties and unknown enum values
 * tolerated, empty optionals and collections left out of request bodies, and nesting capped so a
 * hostile answer cannot exhaust the stack. Pass a customised copy to
 * {@link ConnectWiseClient.Builder#objectMapper(ObjectMapper)} to change it.
 */
public final class ConnectWiseJson {

  /** Deepest JSON nesting accepted in an answer; ConnectWise records nest a handful of levels. */
  public static final int MAX_NESTING_DEPTH = 200;

  private ConnectWiseJson() {}

  /** A new mapper configured for ConnectWise. */
  public static ObjectMapper newObjectMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();
    return JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
  }
}
