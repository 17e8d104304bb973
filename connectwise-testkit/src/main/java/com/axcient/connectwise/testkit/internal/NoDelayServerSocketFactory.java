package com.axcient.connectwise.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ServerSocketFactory;

/**
 * MockWebServer writes the response head and body separately; with Nagle's algorithm on, the
 * body then waits for the client's delayed ACK, about 40 ms a request. Accepted sockets get
 * TCP_NODELAY so a simulated request takes as long as the work it does.
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new InetSocketAddress(bindAddress, port), backlog);
    return socket;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    /**
     * MockWebServer turns address reuse off when asked for a free port. Connections accepted from
     * such a listener keep the port from being bound again while they sit in TIME_WAIT (about a
     * minute on Linux), which would make the end of an outage fail; so reuse stays on. A second
     * listener on the same port is still refused.
     */
    @Override
    public void setReuseAddress(boolean on) throws SocketException {
      super.setReuseAddress(true);
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
