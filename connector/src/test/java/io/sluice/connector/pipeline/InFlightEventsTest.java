package io.sluice.connector.pipeline;

import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InFlightEventsTest {

    private static Checkpoint at(long offset) {
        return Checkpoint.of(new BinlogPosition("binlog.000001", offset, 0, null));
    }

    @Test
    void transactionEndsWaitingBehindAnUnacknowledgedEventAreNotCountedAsEvents() throws Exception {
        InFlightEvents inFlight = new InFlightEvents(16, 1 << 20, at(4), nanos -> { });
        long first = inFlight.add(at(100), 10, false);
        inFlight.add(at(200), 0, true); // a transaction end: it waits behind the first event
        long second = inFlight.add(at(300), 10, false);
        inFlight.add(at(400), 0, true);

        assertEquals(2, inFlight.unacknowledged());
        inFlight.acknowledge(second);
        inFlight.acknowledge(second); // a duplicate acknowledgement changes nothing
        assertEquals(1, inFlight.unacknowledged());
        assertEquals(at(4), inFlight.safePosition(), "the first event still holds the checkpoint back");
        inFlight.acknowledge(first);
        assertEquals(0, inFlight.unacknowledged());
        assertEquals(at(400), inFlight.safePosition());
    }
}
