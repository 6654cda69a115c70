package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connector.position.BinlogPosition;

/**
 * Whether a checkpoint covers an event, i.e. a restart from it would not publish the event again, for
 * a single MySQL server with GTIDs on: the checkpoint's GTID set holds the event's transaction, or the
 * event is one of the first {@code rowsToSkip} rows of the transaction after the set. On one server,
 * transactions follow each other in the binlog with consecutive GTID numbers, so that transaction is
 * the one numbered one more than the highest in the set.
 */
public final class CheckpointCoverage {

    private CheckpointCoverage() {
    }

    /** @param envelope an event's value, whose {@code transaction} names its GTID and place in it */
    public static boolean covers(BinlogPosition checkpoint, JsonNode envelope) {
        String gtid = envelope.at("/transaction/id").asText();
        long order = envelope.at("/transaction/total_order").asLong();
        int colon = gtid.lastIndexOf(':');
        if (colon < 0 || checkpoint.gtidSet() == null) {
            throw new IllegalArgumentException("needs GTIDs on, found transaction '" + gtid + "' and checkpoint "
                    + checkpoint.describe());
        }
        String uuid = gtid.substring(0, colon);
        long number = Long.parseLong(gtid.substring(colon + 1));
        long highest = 0;
        for (String member : checkpoint.gtidSet().replace("\n", "").split(",")) {
            String[] parts = member.trim().split(":");
            if (!parts[0].equalsIgnoreCase(uuid)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] range = parts[i].split("-");
                long from = Long.parseLong(range[0]);
                long to = Long.parseLong(range[range.length - 1]);
                if (number >= from && number <= to) {
                    return true;
                }
                highest = Math.max(highest, to);
            }
        }
        return number == highest + 1 && order <= checkpoint.rowsToSkip();
    }
}
