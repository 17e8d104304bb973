package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.axcient.connectwise.testkit.internal.FieldPaths.Type;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ConnectWise's {@code conditions} grammar: comparisons ({@code = != < <= > >=}), {@code
 * contains}, {@code like} with {@code %} and {@code _}, {@code in (...)}, each optionally negated
 * with {@code not}; {@code and}/{@code or} in any case with parentheses; nested paths; double-
 * or single-quoted strings with backslash escapes; {@code [dates]}; numbers; booleans; {@code
 * null}.
 *
 * <p>Evaluation follows SQL, which ConnectWise translates conditions into: string comparisons
 * ignore case (SQL Server's default collation), and a comparison with a missing value is
 * unknown, so neither {@code x = 5} nor {@code x != 5} matches a record without {@code x}.
 */
public final class Conditions {

  /** A parsed condition. */
  public interface Condition {
    /** TRUE, FALSE, or null for SQL's unknown. */
    Boolean test(JsonNode record);

    /** True when the record matches. */
    default boolean matches(JsonNode record) {
      return Boolean.TRUE.equals(test(record));
    }
  }

  /** A condition every record matches. */
  public static final Condition ALL = record -> Boolean.TRUE;

  private final ApiSchema schema;
  private final ObjectSchema root;
  private final String parameter;
  private final List<Token> tokens;
  private int next;

  private Conditions(ApiSchema schema, ObjectSchema root, String parameter, String text) {
    this.schema = schema;
    this.root = root;
    this.parameter = parameter;
    this.tokens = new Lexer(text, parameter).tokens();
  }

  /**
   * Parses {@code text} for records of {@code root}; a malformed condition or an unknown field is
   * an {@link ApiError} 400, never anything else.
   */
  public static Condition parse(ApiSchema schema, ObjectSchema root, String parameter, String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    Conditions parser = new Conditions(schema, root, parameter, text);
    Condition condition = parser.orExpression();
    if (parser.peek().kind != TokenKind.END) {
      throw parser.error("unexpected '" + parser.peek().text + "'", parser.peek());
    }
    return condition;
  }

  // ---- grammar ------------------------------------------------------------------------------

  private Condition orExpression() {
    Condition left = andExpression();
    while (peekKeyword("or")) {
      next++;
      Condition l = left;
      Condition r = andExpression();
      left = record -> or(l.test(record), r.test(record));
    }
    return left;
  }

  private Condition andExpression() {
    Condition left = unary();
    while (peekKeyword("and")) {
      next++;
      Condition l = left;
      Condition r = unary();
      left = record -> and(l.test(record), r.test(record));
    }
    return left;
  }

  private Condition unary() {
    Token token = peek();
    if (peekKeyword("not")) {
      next++;
      Condition inner = unary();
      return record -> not(inner.test(record));
    }
    if (token.kind == TokenKind.OPEN) {
      next++;
      Condition inner = orExpression();
      expect(TokenKind.CLOSE, "')'");
      return inner;
    }
    return comparison();
  }

  private Condition comparison() {
    Token field = peek();
    if (field.kind != TokenKind.WORD || isKeyword(field.text)) {
      throw error("expected a field name", field);
    }
    next++;
    String path = field.text;
    Type type = FieldPaths.resolve(schema, root, path, parameter);
    boolean negated = false;
    if (peekKeyword("not")) {
      next++;
      negated = true;
    }
    Token op = peek();
    Condition condition;
    if (op.kind == TokenKind.OPERATOR && !negated) {
      next++;
      Literal value = literal();
      condition = compare(path, type, op.text, value, op);
    } else if (peekKeyword("like") || peekKeyword("contains")) {
      next++;
      Literal value = literal();
      if (value.kind != TokenKind.STRING) {
        throw error("'" + op.text + "' needs a quoted string", op);
      }
      requireStringField(path, type, op);
      String pattern = value.text.toLowerCase(Locale.ROOT);
      boolean like = op.text.equalsIgnoreCase("like");
      Pattern regex = like ? likePattern(pattern) : null;
      condition = record -> any(record, path, node -> {
        String text = node.asText().toLowerCase(Locale.ROOT);
        return like ? regex.matcher(text).matches() : text.contains(pattern);
      });
    } else if (peekKeyword("in")) {
      next++;
      expect(TokenKind.OPEN, "'(' after in");
      List<Condition> options = new ArrayList<>();
      do {
        Literal value = literal();
        options.add(compare(path, type, "=", value, op));
      } while (accept(TokenKind.COMMA));
      expect(TokenKind.CLOSE, "')' to close the in list");
      condition = record -> {
        Boolean result = Boolean.FALSE;
        for (Condition option : options) {
          result = or(result, option.test(record));
        }
        return result;
      };
    } else {
      throw error("expected an operator after '" + path + "'", op);
    }
    if (negated) {
      Condition inner = condition;
      return record -> not(inner.test(record));
    }
    return condition;
  }

  private Condition compare(String path, Type type, String op, Literal value, Token at) {
    if (value.kind == TokenKind.NULL) {
      if (op.equals("=")) {
        return record -> FieldPaths.read(record, path).isEmpty();
      }
      if (op.equals("!=")) {
        return record -> !FieldPaths.read(record, path).isEmpty();
      }
      throw error("null can only be compared with = or !=", at);
    }
    if (type == Type.OBJECT) {
      throw error("'" + path + "' is an object; compare one of its fields, such as " + path + "/id", at);
    }
    Comparison comparison = comparator(path, type, value, at);
    if (value.kind == TokenKind.BOOLEAN && !op.equals("=") && !op.equals("!=")) {
      throw error("booleans can only be compared with = or !=", at);
    }
    return record -> {
      List<JsonNode> values = FieldPaths.read(record, path);
      if (values.isEmpty()) {
        return null;
      }
      Boolean result = Boolean.FALSE;
      for (JsonNode node : values) {
        Integer order = comparison.compare(node);
        result = or(result, order == null ? null : holds(op, order));
      }
      return result;
    };
  }

  /** Compares a field value with the literal: negative, zero, positive, or null when unknowable. */
  private interface Comparison {
    Integer compare(JsonNode node);
  }

  private Comparison comparator(String path, Type type, Literal value, Token at) {
    switch (value.kind) {
      case STRING:
        if (type == Type.DATE) {
          Instant instant = date(value.text, at);
          return node -> compareDates(node, instant);
        }
        requireStringField(path, type, at);
        String text = value.text;
        return node -> Integer.signum(
            node.asText().toLowerCase(Locale.ROOT).compareTo(text.toLowerCase(Locale.ROOT)));
      case DATE:
        if (type != Type.DATE && type != Type.STRING && type != Type.ANY) {
          throw error("'" + path + "' is not a date", at);
        }
        Instant instant = date(value.text, at);
        return node -> compareDates(node, instant);
      case NUMBER:
        if (type != Type.INTEGER && type != Type.NUMBER && type != Type.ANY) {
          throw error("'" + path + "' is not a number; quote the value", at);
        }
        BigDecimal number = new BigDecimal(value.text);
        return node -> node.isNumber() ? Integer.signum(node.decimalValue().compareTo(number)) : null;
      case BOOLEAN:
        if (type != Type.BOOLEAN && type != Type.ANY) {
          throw error("'" + path + "' is not a boolean", at);
        }
        boolean flag = Boolean.parseBoolean(value.text.toLowerCase(Locale.ROOT));
        return node -> node.isBoolean() ? (node.asBoolean() == flag ? 0 : 1) : null;
      default:
        throw error("expected a value", at);
    }
  }

  private static Integer compareDates(JsonNode node, Instant instant) {
    try {
      return Integer.signum(Dates.parse(node.asText()).compareTo(instant));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void requireStringField(String path, Type type, Token at) {
    if (type != Type.STRING && type != Type.DATE && type != Type.ANY) {
      throw error("'" + path + "' is not a string field; do not quote the value", at);
    }
  }

  private Instant date(String text, Token at) {
    try {
      return Dates.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw error("'" + text + "' is not a date; write [yyyy-MM-ddTHH:mm:ssZ]", at);
    }
  }

  private static boolean holds(String op, int order) {
    switch (op) {
      case "=":
        return order == 0;
      case "!=":
        return order != 0;
      case "<":
        return order < 0;
      case "<=":
        return order <= 0;
      case ">":
        return order > 0;
      default:
        return order >= 0;
    }
  }

  private static Boolean any(JsonNode record, String path, java.util.function.Predicate<JsonNode> test) {
    List<JsonNode> values = FieldPaths.read(record, path);
    if (values.isEmpty()) {
      return null;
    }
    return values.stream().anyMatch(test);
  }

  private static Pattern likePattern(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return Boolean.FALSE;
    }
    return a == null || b == null ? null : Boolean.TRUE;
  }

  private static Boolean or(Boolean a, Boolean b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return Boolean.TRUE;
    }
    return a == null || b == null ? null : Boolean.FALSE;
  }

  private static Boolean not(Boolean a) {
    return a == null ? null : !a;
  }

  // ---- tokens -------------------------------------------------------------------------------

  private Literal literal() {
    Token token = peek();
    switch (token.kind) {
      case STRING:
      case DATE:
      case NUMBER:
        next++;
        return new Literal(token.kind, token.text);
      case WORD:
        String word = token.text.toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false")) {
          next++;
          return new Literal(TokenKind.BOOLEAN, word);
        }
        if (word.equals("null")) {
          next++;
          return new Literal(TokenKind.NULL, word);
        }
        throw error("expected a value but found the bare word '" + token.text
            + "'; quote strings with \"", token);
      default:
        throw error("expected a value", token);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean peekKeyword(String keyword) {
    Token token = peek();
    return token.kind == TokenKind.WORD && token.text.equalsIgnoreCase(keyword);
  }

  private boolean accept(TokenKind kind) {
    if (peek().kind == kind) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(TokenKind kind, String what) {
    if (!accept(kind)) {
      throw error("expected " + what, peek());
    }
  }

  private static boolean isKeyword(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "and":
      case "or":
      case "not":
      case "like":
      case "contains":
      case "in":
      case "true":
      case "false":
      case "null":
        return true;
      default:
        return false;
    }
  }

  private ApiError error(String problem, Token at) {
    String where = at.kind == TokenKind.END ? "at the end" : "at position " + (at.position + 1);
    return ApiError.badRequest(parameter + " is invalid: " + problem + " " + where + ".");
  }

  enum TokenKind {
    WORD, STRING, DATE, NUMBER, BOOLEAN, NULL, OPERATOR, OPEN, CLOSE, COMMA, END
  }

  private static final class Token {
    final TokenKind kind;
    final String text;
    final int position;

    Token(TokenKind kind, String text, int position) {
      this.kind = kind;
      this.text = text;
      this.position = position;
    }
  }

  private static final class Literal {
    final TokenKind kind;
    final String text;

    Literal(TokenKind kind, String text) {
      this.kind = kind;
      this.text = text;
    }
  }

  private static final class Lexer {
    private final String text;
    private final String parameter;
    private int pos;

    Lexer(String text, String parameter) {
      this.text = text;
      this.parameter = parameter;
    }

    List<Token> tokens() {
      List<Token> tokens = new ArrayList<>();
      while (true) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
          pos++;
        }
        if (pos >= text.length()) {
          tokens.add(new Token(TokenKind.END, "", pos));
          return tokens;
        }
        tokens.add(token());
      }
    }

    private Token token() {
      int start = pos;
      char c = text.charAt(pos);
      switch (c) {
        case '(':
          pos++;
          return new Token(TokenKind.OPEN, "(", start);
        case ')':
          pos++;
          return new Token(TokenKind.CLOSE, ")", start);
        case ',':
          pos++;
          return new Token(TokenKind.COMMA, ",", start);
        case '"':
        case '\'':
          return quoted(c);
        case '[':
          int end = text.indexOf(']', pos);
          if (end < 0) {
            throw fail("unterminated date; close it with ]", start);
          }
          pos = end + 1;
          return new Token(TokenKind.DATE, text.substring(start + 1, end), start);
        case '=':
          pos++;
          return new Token(TokenKind.OPERATOR, "=", start);
        case '!':
          if (text.startsWith("!=", pos)) {
            pos += 2;
            return new Token(TokenKind.OPERATOR, "!=", start);
          }
          throw fail("'!' must be followed by '='", start);
        case '<':
        case '>':
          pos++;
          if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
          }
          return new Token(TokenKind.OPERATOR, text.substring(start, pos), start);
        default:
          break;
      }
      if (c == '-' || c == '.' || Character.isDigit(c)) {
        return number(start);
      }
      if (Character.isLetter(c) || c == '_') {
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '/')) {
          pos++;
        }
        String word = text.substring(start, pos);
        if (word.endsWith("/") || word.contains("//")) {
          throw fail("'" + word + "' is not a valid field path", start);
        }
        return new Token(TokenKind.WORD, word, start);
      }
      throw fail("unexpected character '" + c + "'", start);
    }

    private Token quoted(char quote) {
      int start = pos;
      pos++;
      StringBuilder value = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '\\') {
          if (pos >= text.length()) {
            break;
          }
          value.append(text.charAt(pos++));
        } else if (c == quote) {
          return new Token(TokenKind.STRING, value.toString(), start);
        } else {
          value.append(c);
        }
      }
      throw fail("unterminated string; close it with " + quote, start);
    }

    private Token number(int start) {
      if (text.charAt(pos) == '-') {
        pos++;
      }
      while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(start, pos);
      if (!number.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
        throw fail("'" + number + "' is not a number", start);
      }
      return new Token(TokenKind.NUMBER, number, start);
    }

    private ApiError fail(String problem, int at) {
      return ApiError.badRequest(
          parameter + " is invalid: " + problem + " at position " + (at + 1) + ".");
    }
  }
}
