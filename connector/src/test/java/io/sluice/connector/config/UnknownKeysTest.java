package io.sluice.connector.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownKeysTest {

    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertEquals(1, UnknownKeys.distance("hots", "host"));
        assertEquals(1, UnknownKeys.distance("prot", "port"));
        assertEquals(1, UnknownKeys.distance("intervall", "interval"));
        assertEquals(0, UnknownKeys.distance("user", "user"));
        assertEquals(4, UnknownKeys.distance("user", "port"));
    }
}
