package com.axcient.connectwise.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare HTTP/1.1 server on the loopback address that answers every request with whatever bytes
 * the test writes, and counts how many it managed to write before the client hung up.
 */
final class RawServer implements AutoCloseable {

  /** Writes one whole response, status line included. */
  interface Responder {
    void respond(OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicLong written = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Responder responder;

  RawServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "acceptance-raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  void respond(Responder responder) {
    this.responder = responder;
    written.set(0);
  }

  long bytesWritten() {
    return written.get();
  }

  int requests() {
    return requests.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        readHeaders(client.getInputStream());
        requests.incrementAndGet();
        OutputStream counting =
            new OutputStream() {
              private final OutputStream out = client.getOutputStream();

              @Override
              public void write(int b) throws IOException {
                out.write(b);
                written.incrementAndGet();
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written.addAndGet(len);
              }
            };
        responder.respond(counting);
        counting.flush();
      } catch (IOException e) {
        // The client hung up: what was written is counted.
      }
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  /** Headers for a 200 with a body of known length. */
  static byte[] head(int status, String contentType, long length) {
    return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
