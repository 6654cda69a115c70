package io.sluice.demo;

import io.sluice.connector.sink.Plugins;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's own sink types work when named, but are not offered to users of sluice run and check. */
class DemoSinkTypesTest {

    @Test
    void demoTypesAreFoundButNotOffered() {
        List<String> offered = new ArrayList<>();
        Plugins.sinkTypes().forEach(offered::add);
        assertTrue(offered.contains("stdout"), offered.toString());
        assertFalse(offered.contains(TerminalSinkFactory.TYPE), offered.toString());
        assertFalse(offered.contains(ProgressSinkFactory.TYPE), offered.toString());

        assertEquals(TerminalSinkFactory.TYPE, Plugins.sink(TerminalSinkFactory.TYPE).type());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Plugins.sink("stdot"));
        assertTrue(unknown.getMessage().contains("stdout") && !unknown.getMessage().contains("demo-"),
                unknown.getMessage());
    }
}
