package com.axcient.connectwise.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes sure a request that must not be repeated (a POST, or a PATCH that adds) goes on the wire
 * at most once. OkHttp re-sends a request by itself when a pooled connection drops after the
 * request was written, on a 408, and on a 503 with {@code Retry-After: 0} (the last whatever its
 * method); for a create that would make a duplicate ticket. This network interceptor refuses any
 * second network attempt of such a request and hides {@code Retry-After} on a 503 or 408 answer
 * to it so OkHttp does not try.
 */
final class PostRetryGuard implements Interceptor {

  /** Thrown instead of a second network attempt; the request may have been applied. */
  static final class RepeatRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RepeatRefusedException() {
      super(
          "refused to send the request a second time after its connection failed; the first"
              + " attempt may have been applied");
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestTag tag = request.tag(RequestTag.class);
    boolean once = tag != null ? !tag.repeatable() : request.method().equals("POST");
    if (!once) {
      return chain.proceed(request);
    }
    if (tag != null && tag.countNetworkAttempt() > 1) {
      throw new RepeatRefusedException();
    }
    Response response = chain.proceed(request);
    String retryAfter = response.header("Retry-After");
    if ((response.code() == 503 || response.code() == 408) && retryAfter != null) {
      if (tag != null) {
        tag.hideRetryAfter(retryAfter);
      }
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
