package io.sluice.demo;

/** Something the user can fix keeps the demo from running; the message says what and how. */
final class DemoException extends Exception {

    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }
}
