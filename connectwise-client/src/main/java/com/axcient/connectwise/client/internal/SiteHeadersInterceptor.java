package com.axcient.connectwise.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every ConnectWise API request carries: {@code clientId}, {@code Accept} (with
 * the pinned model version, if any) and {@code User-Agent}. Requests to other hosts get none of
 * them.
 */
final class SiteHeadersInterceptor implements Interceptor {

  private final Site site;
  private final String clientId;
  private final String accept;
  private final String userAgent;

  SiteHeadersInterceptor(Site site, String clientId, String accept, String userAgent) {
    this.site = site;
    this.clientId = clientId;
    this.accept = accept;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!site.owns(request.url())) {
      return chain.proceed(request);
    }
    Request.Builder builder = request.newBuilder().header("clientId", clientId);
    if (request.header("Accept") == null) {
      builder.header("Accept", accept);
    }
    builder.header("User-Agent", userAgent);
    return chain.proceed(builder.build());
  }
}
