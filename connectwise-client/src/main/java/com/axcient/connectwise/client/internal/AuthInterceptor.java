package com.axcient.connectwise.client.internal;

import com.axcient.connectwise.client.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds HTTP Basic credentials, {@code companyId+publicKey:privateKey}, to requests for the
 * configured site's API, and to nothing else: discovery and any other host never see them.
 */
final class AuthInterceptor implements Interceptor {

  private final Site site;
  private final Secret authorization;

  AuthInterceptor(Site site, String companyId, String publicKey, Secret privateKey) {
    this.site = site;
    String credentials = companyId + "+" + publicKey + ":" + privateKey.reveal();
    this.authorization =
        Secret.of(
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!site.owns(request.url()) || !request.url().encodedPath().contains("/apis/3.0")) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request.newBuilder().header("Authorization", authorization.reveal()).build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor{site=" + site + "}";
  }
}
