package com.axcient.connectwise.integration.core.settings.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return new String(CanonicalJson.bytes(JSON.readTree(json)), StandardCharsets.US_ASCII);
  }

  @Test
  void theFormIsFixedWhateverTheLayout() throws Exception {
    String expected =
        "{\"a\":[1,\"x\\u0022\\u005c\\u000a\\u00fc\\ud83d\\ude00\",true,null],"
            + "\"b\":{\"c\":0.5,\"d\":123456789012345678901234567890,\"e\":false}}";

    assertThat(
            canonical(
                "{ \"b\" : {\"e\":false, \"d\": 123456789012345678901234567890, \"c\": 0.50},\n"
                    + "  \"a\": [1, \"x\\\"\\\\\\n\u00fc\uD83D\uDE00\", true, null] }"))
        .isEqualTo(expected);
    assertThat(
            canonical(
                "{\"a\":[1,\"\\u0078\\\"\\\\\\n\\u00FC\\uD83D\\uDE00\",true,null],"
                    + "\"b\":{\"c\":5e-1,\"d\":123456789012345678901234567890,\"e\":false}}"))
        .isEqualTo(expected);
  }

  @Test
  void differentValuesHaveDifferentForms() throws Exception {
    assertThat(canonical("{\"a\":\"1\"}")).isNotEqualTo(canonical("{\"a\":1}"));
    assertThat(canonical("{\"a\":[1,2]}")).isNotEqualTo(canonical("{\"a\":[2,1]}"));
    assertThat(canonical("{\"a\":0.1}")).isEqualTo("{\"a\":0.1000000000000000055511151231257827021181583404541015625}");
    assertThat(canonical("{\"a\":null}")).isNotEqualTo(canonical("{}"));
  }
}
