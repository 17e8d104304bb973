package com.axcient.connectwise.client.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request that goes on the wire: at DEBUG the method, path (never the query string,
 * which may carry customer data), status, time and request id; at TRACE also the headers, with
 * credentials redacted. Bodies are never logged.
 */
final class LoggingInterceptor implements Interceptor {

  static final String LOGGER = "com.axcient.connectwise.client.http";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Set<String> REDACTED =
      Set.of("authorization", "cookie", "set-cookie", "clientid", "x-content-signature");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String path = request.url().encodedPath();
    LOG.debug("--> {} {}{}", request.method(), request.url().host(), path);
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> headers {}", redact(request.headers()));
    }
    long started = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- {} {} failed: {}", request.method(), path, e.getClass().getSimpleName());
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.debug(
        "<-- {} {} {} ({} ms, request id {})",
        response.code(),
        request.method(),
        path,
        millis,
        Texts.forLog(response.header("x-cw-request-id")));
    if (LOG.isTraceEnabled()) {
      LOG.trace("<-- headers {}", redact(response.headers()));
    }
    return response;
  }

  static String redact(Headers headers) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String name = headers.name(i);
      out.append(name).append('=');
      if (REDACTED.contains(name.toLowerCase(Locale.ROOT))) {
        out.append("██");
      } else {
        out.append(Texts.forLog(headers.value(i)));
      }
    }
    return out.append('}').toString();
  }
}
