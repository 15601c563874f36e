package cn.jiaozuo.biodiversity.observation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.observation.config.ExportConfig;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** At most N exports stream at once; a slot comes back when its body is written, even when writing fails. */
class ExportSlotsTest {

    private static ExportSlots slots(int max) {
        ExportConfig config = (ExportConfig) Proxy.newProxyInstance(ExportConfig.class.getClassLoader(),
                new Class<?>[] {ExportConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("maxConcurrentStreams")) {
                        return max;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ExportSlots(config);
    }

    @Test
    void beyond_the_limit_a_claim_is_refused_until_a_body_is_written() throws IOException {
        ExportSlots slots = slots(2);
        StreamingOutput body = out -> out.write('x');
        Optional<StreamingOutput> first = slots.claim(body);
        Optional<StreamingOutput> second = slots.claim(body);
        assertTrue(first.isPresent() && second.isPresent());
        assertTrue(slots.claim(body).isEmpty(), "a third export waits");

        first.get().write(new ByteArrayOutputStream());
        assertTrue(slots.claim(body).isPresent(), "the written body gave its slot back");
    }

    @Test
    void a_body_that_fails_gives_its_slot_back() {
        ExportSlots slots = slots(1);
        StreamingOutput failing = out -> {
            throw new IOException("client went away");
        };
        StreamingOutput claimed = slots.claim(failing).orElseThrow();
        assertThrows(IOException.class, () -> claimed.write(new ByteArrayOutputStream()));
        assertTrue(slots.claim(failing).isPresent());
    }

    @Test
    void a_refusal_is_a_503_problem_with_retry_after() {
        var response = ExportSlots.busy();
        assertEquals(503, response.getStatus());
        assertEquals("30", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
    }
}
