package cn.jiaozuo.biodiversity.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For the tests that play the observation service: each test gets its own {@link ObservationEvents}
 * (a Kafka client of its own), closed after the test. A base class because {@code @QuarkusTest}
 * injects the service's {@link ObjectMapper} into test instances, not into extensions.
 */
abstract class ObservationEventsFixture {

    @Inject
    ObjectMapper json;

    ObservationEvents events;

    @BeforeEach
    void connect() {
        events = new ObservationEvents(json);
    }

    @AfterEach
    void close() {
        events.close();
    }
}
