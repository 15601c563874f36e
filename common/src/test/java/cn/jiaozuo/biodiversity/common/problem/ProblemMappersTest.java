package cn.jiaozuo.biodiversity.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are the client's hang-up (logged, not a 500) and which the database's (a 503). */
class ProblemMappersTest {

    @Test
    void a_closed_connection_anywhere_in_the_cause_chain_is_the_client_gone() {
        assertTrue(ProblemMappers.isClientGone(new ClosedChannelException()));
        assertTrue(ProblemMappers.isClientGone(new UncheckedIOException(new IOException(new ClosedChannelException()))));
        assertTrue(ProblemMappers.isClientGone(new RuntimeException(new HttpClosedException("Connection was closed"))));
        assertTrue(ProblemMappers.isClientGone(new RuntimeException(new VertxException("Connection was closed", true))));
    }

    @Test
    void other_failures_are_not() {
        assertFalse(ProblemMappers.isClientGone(new IllegalStateException("Connection was closed")));
        assertFalse(ProblemMappers.isClientGone(new VertxException("Request body too large")));
        assertFalse(ProblemMappers.isClientGone(new RuntimeException(new SQLException("closed", "08006"))));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new RuntimeException(new SQLException("closed", "08006"))));
    }
}
