package io.sluice.connector.position;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a GTID set typed by a user is one a server would accept, before anything is written:
 * a MySQL GTID set ({@code uuid:1-100[:tag]:5[,uuid:...]}, as {@code @@global.gtid_executed} shows it)
 * or a MariaDB GTID list ({@code domain-server-sequence[,...]}, as {@code @@global.gtid_binlog_pos}).
 */
public final class GtidSyntax {

    /** Which server writes GTIDs of this form. */
    public enum Flavor { MYSQL, MARIADB }

    /** Dashed only: the daemon reads GTID sets with the binlog client, which accepts no other form. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTERVAL = Pattern.compile("([0-9]+)(?:-([0-9]+))?");
    /** MySQL 8.3+ tags: a letter or underscore, then up to 31 letters, digits or underscores. */
    private static final Pattern TAG = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,31}");
    private static final Pattern MARIADB_GTID = Pattern.compile("([0-9]+)-([0-9]+)-([0-9]+)");
    private static final BigInteger MAX_GNO = BigInteger.valueOf(Long.MAX_VALUE - 1);
    private static final BigInteger MAX_U32 = BigInteger.valueOf(0xffffffffL);
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** How the two forms look, for every message. */
    private static final String FORMS = "write a MySQL GTID set such as 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100"
            + " (several separated by commas, as SELECT @@global.gtid_executed shows them) or a MariaDB GTID list"
            + " such as 0-1-100 (domain-server-sequence, one per domain, as SELECT @@global.gtid_binlog_pos shows)";

    private GtidSyntax() {
    }

    /** {@code set} without white space, which MySQL puts after each comma of a long set. */
    public static String normalize(String set) {
        return set.replaceAll("\\s+", "");
    }

    /**
     * The flavor whose syntax {@code set} follows.
     *
     * @throws IllegalArgumentException saying which part is wrong and what the two forms look like
     */
    public static Flavor flavor(String set) {
        String text = normalize(set);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the GTID set is empty; " + FORMS);
        }
        Flavor flavor = looksLikeMysql(text) ? Flavor.MYSQL : Flavor.MARIADB;
        String problem = flavor == Flavor.MYSQL ? mysqlProblem(text) : mariadbProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException("\"" + set.strip() + "\" is not a GTID set: " + problem + "; " + FORMS);
        }
        return flavor;
    }

    /** Which form the user meant, so that the message speaks of the right one: MariaDB's has no colons or UUIDs. */
    private static boolean looksLikeMysql(String text) {
        return text.contains(":") || UUID.matcher(text.split(",", -1)[0]).matches();
    }

    private static String mysqlProblem(String text) {
        for (String uuidSet : text.split(",", -1)) {
            String[] parts = uuidSet.split(":", -1);
            if (!UUID.matcher(parts[0]).matches()) {
                return "\"" + parts[0] + "\" is not a server UUID (8-4-4-4-12 hexadecimal digits)";
            }
            if (parts.length < 2) {
                return "\"" + uuidSet + "\" names no transactions; add them after a colon, as " + parts[0] + ":1-100";
            }
            boolean lastWasInterval = false;
            for (int i = 1; i < parts.length; i++) {
                Matcher interval = INTERVAL.matcher(parts[i]);
                if (interval.matches()) {
                    String problem = intervalProblem(interval, uuidSet);
                    if (problem != null) {
                        return problem;
                    }
                    lastWasInterval = true;
                } else if (TAG.matcher(parts[i]).matches()) {
                    lastWasInterval = false;
                } else {
                    return "\"" + parts[i] + "\" in \"" + uuidSet + "\" is neither a transaction number or range"
                            + " (5, 1-100) nor a tag";
                }
            }
            if (!lastWasInterval) {
                return "the tag at the end of \"" + uuidSet + "\" has no transactions after it, as in " + uuidSet
                        + ":1-5";
            }
        }
        return null;
    }

    private static String intervalProblem(Matcher interval, String uuidSet) {
        BigInteger start = new BigInteger(interval.group(1));
        BigInteger end = interval.group(2) == null ? start : new BigInteger(interval.group(2));
        if (start.signum() == 0) {
            return "transaction numbers start at 1, but \"" + uuidSet + "\" has 0";
        }
        if (end.compareTo(start) < 0) {
            return "the range " + interval.group() + " in \"" + uuidSet + "\" ends before it starts";
        }
        if (end.compareTo(MAX_GNO) > 0) {
            return "transaction number " + end + " in \"" + uuidSet + "\" is larger than MySQL allows";
        }
        return null;
    }

    private static String mariadbProblem(String text) {
        Set<String> domains = new HashSet<>();
        for (String gtid : text.split(",", -1)) {
            Matcher m = MARIADB_GTID.matcher(gtid);
            if (!m.matches()) {
                return "\"" + gtid + "\" is not domain-server-sequence, such as 0-1-100";
            }
            if (new BigInteger(m.group(1)).compareTo(MAX_U32) > 0 || new BigInteger(m.group(2)).compareTo(MAX_U32) > 0
                    || new BigInteger(m.group(3)).compareTo(MAX_U64) > 0) {
                return "\"" + gtid + "\" has a number out of range (domain and server up to 4294967295)";
            }
            if (!domains.add(new BigInteger(m.group(1)).toString())) {
                return "domain " + m.group(1) + " appears twice; name only the last GTID of each domain";
            }
        }
        return null;
    }
}
