package cn.jiaozuo.biodiversity.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL server for one test run, never the stack's data. The
 * server and the project role are those {@code deploy/local/stack test} ensures; override with
 * the environment variables {@code TEST_PG_URL}, {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String ADMIN_URL = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("TEST_PG_USER", "biodiversity");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "biodiversity");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        execute("create database " + name);
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " as " + USER + " failed: " + e.getMessage()
                    + " (run the tests with deploy/local/stack test, which prepares the server and role)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
