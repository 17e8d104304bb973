package com.axcient.connectwise.testkit.internal;

/** The site's identity and credentials, as the HTTP front checks them. */
public final class Settings {

  /** The API version the simulated site reports, matching the shipped schema. */
  public static final String API_VERSION = "2026.4";
  /** The server version {@code /system/info} reports. */
  public static final String SERVER_VERSION = "v2026.4.110210";

  private final String companyId;
  private final String publicKey;
  private final String privateKey;
  private final String clientId;
  private final boolean cloud;
  private volatile String codebase;
  private volatile long apiMemberId;

  /**
   * The settings of one simulated site.
   *
   * @param companyId the company ID typed at login
   * @param publicKey the API member's public key
   * @param privateKey the API member's private key
   * @param clientId the one client ID the site accepts
   * @param codebase the codebase, ending with {@code /}
   * @param cloud true to answer bad credentials as cloud sites do, with a bare 404
   */
  public Settings(String companyId, String publicKey, String privateKey, String clientId,
      String codebase, boolean cloud) {
    this.companyId = companyId;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.clientId = clientId;
    this.codebase = codebase;
    this.cloud = cloud;
  }

  /** The company ID. */
  public String companyId() {
    return companyId;
  }

  /** The public key. */
  public String publicKey() {
    return publicKey;
  }

  /** The private key. */
  public String privateKey() {
    return privateKey;
  }

  /** The accepted client ID. */
  public String clientId() {
    return clientId;
  }

  /** True for cloud-style answers. */
  public boolean cloud() {
    return cloud;
  }

  /** The current codebase, e.g. {@code v4_6_release/}. */
  public String codebase() {
    return codebase;
  }

  /** Moves the site to another codebase, as hosted sites do on upgrade. */
  public void codebase(String value) {
    this.codebase = value;
  }

  /** The API member's record id. */
  public long apiMemberId() {
    return apiMemberId;
  }

  /** Sets the API member's record id once it is seeded. */
  public void apiMemberId(long id) {
    this.apiMemberId = id;
  }
}
