package cn.jiaozuo.biodiversity.observation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * PostgreSQL's driver, recording every statement the worker threads send (the thread pool that runs the resource
 * methods; background loops and consumers have threads of their own): a batch of single-row statements counts as one
 * execution per row, so a test sees per-item SQL as the row count it is. For tests only
 * ({@code quarkus.datasource.jdbc.driver}).
 */
public class StatementCountingDriver implements Driver {

    /** One statement sent, and how many executions it stood for (rows of a JDBC batch, else 1). */
    public record Executed(String sql, int executions) {
    }

    private static final List<Executed> EXECUTED = new CopyOnWriteArrayList<>();
    private static final String WORKERS = "executor-thread";

    private final Driver postgres = new org.postgresql.Driver();

    /** What the worker threads executed since the last call, and forgets it. */
    public static List<Executed> drain() {
        List<Executed> executed = List.copyOf(EXECUTED);
        EXECUTED.removeAll(executed);
        return executed;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : (Connection) proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
                return counting(statement, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return counting(statement, null);
            }
            return result;
        });
    }

    private static Statement counting(Statement statement, String prepared) {
        int[] rows = {0};
        Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return (Statement) proxy(type, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                rows[0]++;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                record(prepared, rows[0]);
                rows[0] = 0;
            } else if (name.startsWith("execute")) {
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared, 1);
            }
            return invoke(target, method, args);
        });
    }

    private static void record(String sql, int executions) {
        if (Thread.currentThread().getName().startsWith(WORKERS)) {
            EXECUTED.add(new Executed(sql, executions));
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    /** {@code target} seen through {@code type} only: every call goes to {@code handler}. */
    private static Object proxy(Class<?> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return Proxy.newProxyInstance(StatementCountingDriver.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.postgresql");
    }
}
