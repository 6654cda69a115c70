package io.sluice.connector.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvironmentOverridesTest {

    @Test
    void underscoresAreDotsDoubleUnderscoresDashesTripleUnderscoresUnderscores() {
        assertEquals(Optional.of("sluice.source.password"), EnvironmentOverrides.path("SLUICE_SOURCE_PASSWORD"));
        assertEquals(Optional.of("sluice.source.server-id"), EnvironmentOverrides.path("SLUICE_SOURCE_SERVER__ID"));
        assertEquals(Optional.of("sluice.sink.kafka.producer.bootstrap.servers"),
                EnvironmentOverrides.path("SLUICE_SINK_KAFKA_PRODUCER_BOOTSTRAP_SERVERS"));
        assertEquals(Optional.of("sluice.sink.x.some_key"), EnvironmentOverrides.path("SLUICE_SINK_X_SOME___KEY"));
    }

    @Test
    void namesThatDoNotFollowTheSchemeAreRefused() {
        assertEquals(Optional.empty(), EnvironmentOverrides.path("SLUICE_"));
        assertEquals(Optional.empty(), EnvironmentOverrides.path("SLUICE_SOURCE_"));
        assertEquals(Optional.empty(), EnvironmentOverrides.path("SLUICE__SOURCE"));
        assertEquals(Optional.empty(), EnvironmentOverrides.path("SLUICE_SOURCE____HOST"));
        assertEquals(Optional.empty(), EnvironmentOverrides.path("OTHER_SOURCE_HOST"));
    }
}
