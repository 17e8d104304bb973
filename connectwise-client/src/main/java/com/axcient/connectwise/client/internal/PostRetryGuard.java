package com.axcient.connectwise.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes sure each attempt goes on the wire once, and a request that must not be repeated (a POST,
 * or a PATCH that adds) at most once in all. OkHttp re-sends a request by itself when a pooled
 * connection drops after the request was written, on a 408, and on a 503 with {@code Retry-After:
 * 0} whatever its method; for a create that would make a duplicate ticket, and for any request it
 * would be a retry the {@link com.axcient.connectwise.client.RetryPolicy} did not count. This
 * network interceptor refuses any second network attempt of a request that must not be repeated,
 * and hides {@code Retry-After} on every 503 or 408 answer so OkHttp does not follow it up; the
 * hidden value is kept in the {@link RequestTag}, and {@link RetryInterceptor} puts it back.
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
    if (tag != null) {
      // A value hidden from an earlier attempt must not be read as this attempt's.
      tag.hideRetryAfter(null);
      if (tag.countNetworkAttempt() > 1 && once) {
        throw new RepeatRefusedException();
      }
    }
    Response response = chain.proceed(request);
    String retryAfter = response.header("Retry-After");
    if ((response.code() == 503 || response.code() == 408)
        && retryAfter != null
        && (tag != null || once)) {
      if (tag != null) {
        tag.hideRetryAfter(retryAfter);
      }
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
