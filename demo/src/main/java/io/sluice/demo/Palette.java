package io.sluice.demo;

/**
 * The terminal view's styles as ANSI escape sequences, or none at all: the one place that knows the
 * codes, so that switching colour off cannot leave a stray escape behind.
 */
final class Palette {

    /** What a piece of text is, which decides its look. */
    enum Style {
        /** The op letters, bold, each in its own colour. */
        CREATE("1;32"), UPDATE("1;33"), DELETE("1;31"), READ("1;36"),
        TABLE("1"),
        KEY("35"),
        /** Column names, and other text that frames the values. */
        FRAME("2"),
        NULL("2;3"),
        /** An updated column's value before and after. */
        OLD("31"), NEW("32");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    static final Palette COLOUR = new Palette(true);
    static final Palette PLAIN = new Palette(false);

    private static final String ESCAPE = "\u001b[";
    private static final String RESET = ESCAPE + "0m";

    private final boolean on;

    private Palette(boolean on) {
        this.on = on;
    }

    String paint(Style style, String text) {
        return on ? ESCAPE + style.code + "m" + text + RESET : text;
    }
}
