package io.sluice.connector.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps MySQL and MariaDB collation ids (as TABLE_MAP events and {@code information_schema.COLLATIONS.ID}
 * give them) to the character set that encodes the column's bytes.
 *
 * <p>Ids below 2048 come from a table of every collation of MySQL 8.0.31 and MariaDB 11.4/10.11; the two
 * agree on every id they share. MariaDB 10.10+ numbers its UCA 14.0.0 collations (2048..4095) so that the
 * character set is part of the id: {@code (id - 2048) >> 8} is 0 utf8mb3, 1 utf8mb4, 2 ucs2, 3 utf16,
 * 4 utf32 (MariaDB's {@code my_uca1400_collation_id} scheme), so future ids in that range resolve too.
 * Anything else is unknown: {@link #charsetName} returns {@code null} and {@link ValueWriter} decodes such
 * text as UTF-8, the default character set of both servers.
 */
public final class CollationCharsets {

    /** Highest collation id either server can assign (MariaDB's UCA 14 range ends at 4095). */
    static final int MAX_ID = 4095;

    private static final int UCA1400_FIRST_ID = 2048;
    private static final String[] UCA1400_CHARSETS = {"utf8mb3", "utf8mb4", "ucs2", "utf16", "utf32"};

    /** Character set name and the collation ids that use it, ids below 2048. */
    private static final String[][] IDS = {
            {"armscii8", "32,64,1056,1088"},
            {"ascii", "11,65,1035,1089"},
            {"big5", "1,84,1025,1108"},
            {"binary", "63"},
            {"cp1250", "26,34,44,66,99,1050,1090"},
            {"cp1251", "14,23,50-52,1074-1075"},
            {"cp1256", "57,67,1081,1091"},
            {"cp1257", "29,58-59,1082-1083"},
            {"cp850", "4,80,1028,1104"},
            {"cp852", "40,81,1064,1105"},
            {"cp866", "36,68,1060,1092"},
            {"cp932", "95-96,1119-1120"},
            {"dec8", "3,69,1027,1093"},
            {"eucjpms", "97-98,1121-1122"},
            {"euckr", "19,85,1043,1109"},
            {"gb18030", "248-250"},
            {"gb2312", "24,86,1048,1110"},
            {"gbk", "28,87,1052,1111"},
            {"geostd8", "92-93,1116-1117"},
            {"greek", "25,70,1049,1094"},
            {"hebrew", "16,71,1040,1095"},
            {"hp8", "6,72,1030,1096"},
            {"keybcs2", "37,73,1061,1097"},
            {"koi8r", "7,74,1031,1098"},
            {"koi8u", "22,75,1046,1099"},
            {"latin1", "5,8,15,31,47-49,94,1032,1071"},
            {"latin2", "2,9,21,27,77,1033,1101"},
            {"latin5", "30,78,1054,1102"},
            {"latin7", "20,41-42,79,1065,1103"},
            {"macce", "38,43,1062,1067"},
            {"macroman", "39,53,1063,1077"},
            {"sjis", "13,88,1037,1112"},
            {"swe7", "10,82,1034,1106"},
            {"tis620", "18,89,1042,1113"},
            {"ucs2", "35,90,128-151,159,640-642,1059,1114,1152,1174"},
            {"ujis", "12,91,1036,1115"},
            {"utf16", "54-55,101-124,672-674,1078-1079,1125,1147"},
            {"utf16le", "56,62,1080,1086"},
            {"utf32", "60-61,160-183,736-738,1084-1085,1184,1206"},
            {"utf8mb3", "33,76,83,192-215,223,576-578,1057,1107,1216,1238"},
            {"utf8mb4", "45-46,224-247,255-271,273-275,277-294,296-298,300,303-323,608-610,1069-1070,1248,1270"},
    };

    private static final String[] NAMES = new String[MAX_ID + 1];
    private static final TextCharset[] DECODERS = new TextCharset[MAX_ID + 1];

    static {
        for (String[] entry : IDS) {
            for (String range : entry[1].split(",")) {
                int dash = range.indexOf('-');
                int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
                for (int id = first; id <= last; id++) {
                    NAMES[id] = entry[0];
                }
            }
        }
        for (int id = UCA1400_FIRST_ID; id <= MAX_ID; id++) {
            int charset = (id - UCA1400_FIRST_ID) >> 8;
            if (charset < UCA1400_CHARSETS.length) {
                NAMES[id] = UCA1400_CHARSETS[charset];
            }
        }
        Map<String, TextCharset> byName = new HashMap<>();
        for (int id = 0; id <= MAX_ID; id++) {
            if (NAMES[id] != null) {
                DECODERS[id] = byName.computeIfAbsent(NAMES[id], TextCharset::forMysqlName);
            }
        }
    }

    private CollationCharsets() {
    }

    /** The MySQL name of the character set of a collation ({@code utf8mb4}, {@code latin1}, ...), or null if unknown. */
    public static String charsetName(int collationId) {
        return collationId >= 0 && collationId <= MAX_ID ? NAMES[collationId] : null;
    }

    /**
     * The Java character set that decodes a collation's bytes exactly enough for display, or {@code null}
     * for {@code binary}, unknown ids and the single-byte sets Java lacks ({@code armscii8}, {@code dec8},
     * {@code hp8}, {@code keybcs2}, {@code swe7}, {@code geostd8}), which {@link ValueWriter} decodes with
     * tables taken from the server.
     */
    public static Charset javaCharset(int collationId) {
        TextCharset decoder = decoder(collationId);
        return decoder == null ? null : decoder.charset;
    }

    /** The decoder of a collation, or {@code null} if the id is unknown. */
    static TextCharset decoder(int collationId) {
        return collationId >= 0 && collationId <= MAX_ID ? DECODERS[collationId] : null;
    }

    /** How to turn the bytes of one MySQL character set into characters. */
    static final class TextCharset {
        static final int UTF8 = 0;
        static final int SINGLE_BYTE = 1;
        static final int JAVA = 2;
        static final int BINARY = 3;

        final String name;
        final int kind;
        /** For SINGLE_BYTE: the character of each byte. */
        final char[] table;
        /** The Java equivalent where there is one. */
        final Charset charset;

        private TextCharset(String name, int kind, char[] table, Charset charset) {
            this.name = name;
            this.kind = kind;
            this.table = table;
            this.charset = charset;
        }

        private static final Map<String, String> JAVA_SINGLE_BYTE = Map.ofEntries(
                Map.entry("ascii", "US-ASCII"), Map.entry("latin1", "windows-1252"),
                Map.entry("latin2", "ISO-8859-2"), Map.entry("latin5", "ISO-8859-9"),
                Map.entry("latin7", "ISO-8859-13"), Map.entry("greek", "ISO-8859-7"),
                Map.entry("hebrew", "ISO-8859-8"), Map.entry("cp1250", "windows-1250"),
                Map.entry("cp1251", "windows-1251"), Map.entry("cp1256", "windows-1256"),
                Map.entry("cp1257", "windows-1257"), Map.entry("cp850", "IBM850"),
                Map.entry("cp852", "IBM852"), Map.entry("cp866", "IBM866"), Map.entry("koi8r", "KOI8-R"),
                Map.entry("koi8u", "KOI8-U"), Map.entry("macce", "x-MacCentralEurope"),
                Map.entry("macroman", "x-MacRoman"), Map.entry("tis620", "TIS-620"));

        static TextCharset forMysqlName(String name) {
            switch (name) {
                case "utf8mb3":
                case "utf8mb4":
                    return new TextCharset(name, UTF8, null, StandardCharsets.UTF_8);
                case "binary":
                    return new TextCharset(name, BINARY, null, null);
                case "ucs2":
                case "utf16":
                    return new TextCharset(name, JAVA, null, StandardCharsets.UTF_16BE);
                case "utf16le":
                    return new TextCharset(name, JAVA, null, StandardCharsets.UTF_16LE);
                case "utf32":
                    return java("utf32", "UTF-32BE");
                case "big5":
                    return java(name, "Big5");
                case "cp932":
                    return java(name, "windows-31j");
                case "eucjpms":
                    return java(name, "x-eucJP-Open");
                case "euckr":
                    return java(name, "EUC-KR");
                case "gb18030":
                    return java(name, "GB18030");
                case "gb2312":
                    return java(name, "GB2312");
                case "gbk":
                    return java(name, "GBK");
                case "sjis":
                    return java(name, "Shift_JIS");
                case "ujis":
                    return java(name, "EUC-JP");
                default:
                    char[] table = SingleByteTables.table(name);
                    if (table == null) {
                        throw new IllegalStateException("no decoder for MySQL character set " + name);
                    }
                    return new TextCharset(name, SINGLE_BYTE, table, javaSingleByte(name));
            }
        }

        private static TextCharset java(String name, String javaName) {
            return new TextCharset(name, JAVA, null, Charset.forName(javaName));
        }

        /** The Java twin of a single-byte set, for callers of {@link #javaCharset}; decoding uses the table. */
        private static Charset javaSingleByte(String name) {
            String javaName = JAVA_SINGLE_BYTE.get(name);
            return javaName != null && Charset.isSupported(javaName) ? Charset.forName(javaName) : null;
        }
    }
}
