package com.axcient.connectwise.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest connection pool: keeps physical connections open and hands them out again. A
 * product gives the store its own pool (HikariCP or the like); without one, every transaction
 * would pay for a new PostgreSQL backend process and the figure would measure that instead.
 */
final class PooledDataSource implements DataSource, AutoCloseable {

  private final DataSource target;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final List<Connection> opened = new ArrayList<>();

  PooledDataSource(DataSource target) {
    this.target = target;
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    Connection physical = idle.pollFirst();
    if (physical == null) {
      physical = target.getConnection();
      opened.add(physical);
    }
    Connection inUse = physical;
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            idle.addFirst(inUse);
            return null;
          }
          try {
            return method.invoke(inUse, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool uses the target's credentials");
  }

  @Override
  public synchronized void close() {
    for (Connection connection : opened) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing at the end of a run: nothing left to do with a failure.
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // No logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The target's timeout applies.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
