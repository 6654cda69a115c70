package io.sluice.connector.config;

import io.sluice.connector.decode.ValueEncoding;

/**
 * Reads {@code sluice.encoding} into a {@link ValueEncoding}. It lives here rather than beside the
 * record because only the config package touches HOCON.
 */
final class ValueEncodings {

    private ValueEncodings() {
    }

    static ValueEncoding from(ConfigReader in) {
        return new ValueEncoding(
                in.choice("decimal", ValueEncoding.DecimalMode.class),
                in.choice("temporal", ValueEncoding.TemporalMode.class),
                in.choice("binary", ValueEncoding.BinaryMode.class));
    }
}
