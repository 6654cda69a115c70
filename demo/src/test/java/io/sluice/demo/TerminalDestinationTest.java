package io.sluice.demo;

import io.sluice.demo.TerminalDestination.Format;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalDestinationTest {

    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void aTerminalGetsColouredEventsAndAPipeGetsJson() {
        assertEquals(new TerminalDestination(true, true), TerminalDestination.choose(Format.AUTO, true, XTERM));
        assertEquals(new TerminalDestination(false, false), TerminalDestination.choose(Format.AUTO, false, XTERM));
    }

    @Test
    void noColorAndADumbTerminalKeepTheRenderingButDropTheColours() {
        assertEquals(new TerminalDestination(true, false),
                TerminalDestination.choose(Format.AUTO, true, Map.of("TERM", "xterm", "NO_COLOR", "1")));
        assertEquals(new TerminalDestination(true, false),
                TerminalDestination.choose(Format.AUTO, true, Map.of("TERM", "dumb")));
        assertEquals(new TerminalDestination(true, true),
                TerminalDestination.choose(Format.AUTO, true, Map.of("TERM", "xterm", "NO_COLOR", "")),
                "an empty NO_COLOR counts as unset");
    }

    @Test
    void formatForcesEitherWayButColoursNeverGoIntoAPipe() {
        assertEquals(new TerminalDestination(true, false), TerminalDestination.choose(Format.PRETTY, false, XTERM));
        assertEquals(new TerminalDestination(false, false), TerminalDestination.choose(Format.JSON, true, XTERM));
    }
}
