package io.sluice.connector.snapshot;

/**
 * MySQL's JSON text without the blanks its printer puts after {@code ,} and {@code :}. A MySQL JSON
 * column reads as the text of {@code Json_wrapper::to_string}, which prints numbers, strings and
 * opaque values exactly as the binlog decoding does ({@code MysqlJsonText}) but with those blanks; the
 * compact form is then the same text. Blanks inside strings are kept.
 */
final class CompactJson {

    private CompactJson() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text.charAt(++i)); // an escaped quote does not end the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
