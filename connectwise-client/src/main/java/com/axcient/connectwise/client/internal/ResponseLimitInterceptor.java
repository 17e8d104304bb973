package com.axcient.connectwise.client.internal;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps the size of an answer (after decompression), so that a hostile or broken server cannot
 * exhaust memory: reading past the cap fails with {@link ResponseTooLargeException}.
 */
final class ResponseLimitInterceptor implements Interceptor {

  /** Reading an answer went past the configured cap. */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
      super("the answer is larger than the limit of " + limit + " bytes");
    }
  }

  private final long maxBytes;

  ResponseLimitInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    long declared = body.contentLength();
    Call call = chain.call();
    BufferedSource limited =
        Okio.buffer(
            new ForwardingSource(body.source()) {
              private long read;

              @Override
              public long read(Buffer sink, long byteCount) throws IOException {
                if (declared > maxBytes) {
                  throw tooLarge();
                }
                long count = super.read(sink, byteCount);
                if (count > 0) {
                  read += count;
                  if (read > maxBytes) {
                    throw tooLarge();
                  }
                }
                return count;
              }

              private ResponseTooLargeException tooLarge() {
                // Closes the connection: OkHttp would otherwise read on to reuse it.
                call.cancel();
                return new ResponseTooLargeException(maxBytes);
              }
            });
    return response
        .newBuilder()
        .body(ResponseBody.create(limited, body.contentType(), declared))
        .build();
  }
}
