package com.axcient.connectwise.client.internal;

import com.axcient.connectwise.client.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the client retries: requests that may be repeated (see {@link RequestTag}), after
 * connection failures and the policy's retryable statuses, waiting as the {@link RetryPolicy}
 * says. A POST passes through untouched.
 */
final class RetryInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger("com.axcient.connectwise.client.http");

  private final RetryPolicy policy;

  RetryInterceptor(RetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestTag tag = request.tag(RequestTag.class);
    boolean repeatable = tag == null ? isSafeMethod(request.method()) : tag.repeatable();
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = restoreRetryAfter(chain.proceed(request), tag);
      } catch (IOException e) {
        if (!repeatable || attempt >= policy.maxAttempts() || chain.call().isCanceled()) {
          throw e;
        }
        pause(request, attempt, policy.delayAfter(attempt, null), e.getClass().getSimpleName());
        continue;
      }
      if (!repeatable
          || attempt >= policy.maxAttempts()
          || !policy.retryableStatuses().contains(response.code())) {
        return response;
      }
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"));
      if (retryAfter != null
          && (RetryAfter.isLongest(retryAfter) || retryAfter.compareTo(policy.maxRetryAfter()) > 0)) {
        return response;
      }
      response.close();
      pause(request, attempt, policy.delayAfter(attempt, retryAfter), "HTTP " + response.code());
    }
  }

  /** The answer with the {@code Retry-After} {@link PostRetryGuard} hid from OkHttp put back. */
  private static Response restoreRetryAfter(Response response, RequestTag tag) {
    String hidden = tag == null ? null : tag.hiddenRetryAfter();
    if (tag != null) {
      tag.hideRetryAfter(null);
    }
    if (hidden == null || response.header("Retry-After") != null) {
      return response;
    }
    return response.newBuilder().header("Retry-After", hidden).build();
  }

  private void pause(Request request, int attempt, Duration delay, String reason)
      throws InterruptedIOException {
    LOG.debug(
        "Retrying {} {} after {} in {} ms (attempt {} of {})",
        request.method(),
        request.url().encodedPath(),
        reason,
        delay.toMillis(),
        attempt + 1,
        policy.maxAttempts());
    try {
      policy.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static boolean isSafeMethod(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
