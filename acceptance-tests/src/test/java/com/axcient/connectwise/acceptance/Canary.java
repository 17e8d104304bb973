package com.axcient.connectwise.acceptance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The canary credentials every simulator of the suite is started with: if the private key leaks
 * anywhere (logs, exceptions, thread names, MDC, exported files), {@link CanaryTest} finds it.
 */
final class Canary {

  static final String COMPANY = "training";
  static final String PUBLIC_KEY = "AccPub7Kq2Lm9Xz4";
  static final String PRIVATE_KEY = "CanaryPriv8Zt3Wq";

  private Canary() {}

  /** Every form the key could leak in: itself, the Basic credentials, and their base64. */
  static List<String> forms() {
    String basic = COMPANY + "+" + PUBLIC_KEY + ":" + PRIVATE_KEY;
    return List.of(
        PRIVATE_KEY,
        basic,
        base64(basic),
        base64(PRIVATE_KEY),
        base64(PRIVATE_KEY).replace("=", ""));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
