package io.sluice.sink.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.sluice.sink.SinkException;
import io.sluice.sink.nats.NatsSinkConfig.Storage;
import io.sluice.sink.nats.NatsSinkConfig.StreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure, at start-up, that the stream exists and keeps what Sluice's guarantees need: file
 * storage, a duplicate window long enough for replays to be dropped, and subjects covering every
 * subject the sink publishes to. Creates or updates it when configured to; otherwise says what to change.
 */
final class StreamSetup {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSetup.class);

    /** JetStream's API error code for "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;
    /** JetStream's API error code for "subjects overlap with an existing stream". */
    private static final int SUBJECTS_OVERLAP = 10065;

    private StreamSetup() {
    }

    static void ensure(JetStreamManagement jsm, StreamSettings wanted, SubjectTemplate template)
            throws SinkException, IOException {
        if (wanted.storage() == Storage.MEMORY) {
            LOG.warn("sluice.sink.nats.stream.storage = memory: a NATS server restart loses events Sluice may"
                    + " already have checkpointed past; use file storage for anything but throwaway setups");
        }
        StreamInfo existing = find(jsm, wanted.name());
        try {
            if (existing == null) {
                if (!wanted.create()) {
                    throw new SinkException("the JetStream stream \"" + wanted.name() + "\" does not exist; create it"
                            + " with subjects " + wanted.subjects() + " and file storage, or set"
                            + " sluice.sink.nats.stream.create = true");
                }
                jsm.addStream(configuration(StreamConfiguration.builder(), wanted));
                LOG.info("created JetStream stream {} with subjects {}, {} storage, duplicate window {}",
                        wanted.name(), wanted.subjects(), wanted.storage().name().toLowerCase(),
                        wanted.duplicateWindow());
                return;
            }
            if (wanted.update()) {
                StreamConfiguration current = existing.getConfiguration();
                checkStorage(current, wanted);
                existing = jsm.updateStream(configuration(StreamConfiguration.builder(current), wanted));
                LOG.info("updated JetStream stream {} to subjects {}, duplicate window {}", wanted.name(),
                        wanted.subjects(), wanted.duplicateWindow());
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == SUBJECTS_OVERLAP) {
                throw new SinkException("cannot " + (existing == null ? "create" : "update") + " the JetStream stream \""
                        + wanted.name() + "\": another stream already stores some of the subjects " + wanted.subjects()
                        + "; set sluice.sink.nats.stream.name to that stream, or choose another"
                        + " sluice.sink.nats.subject-prefix and stream.subjects", e);
            }
            throw new SinkException("cannot " + (existing == null ? "create" : "update") + " the JetStream stream \""
                    + wanted.name() + "\": " + e.getMessage() + "; check the sluice.sink.nats.stream settings and"
                    + " that the user may manage streams", e);
        }
        check(existing.getConfiguration(), wanted, template);
    }

    private static StreamInfo find(JetStreamManagement jsm, String name) throws SinkException, IOException {
        try {
            return jsm.getStreamInfo(name);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                return null;
            }
            throw new SinkException("cannot read the JetStream stream \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static StreamConfiguration configuration(StreamConfiguration.Builder builder, StreamSettings wanted) {
        return builder.name(wanted.name())
                .subjects(wanted.subjects())
                .storageType(wanted.storage() == Storage.FILE ? StorageType.File : StorageType.Memory)
                .duplicateWindow(wanted.duplicateWindow())
                .maxAge(wanted.maxAge())
                .maxBytes(wanted.maxBytes())
                .replicas(wanted.replicas())
                .build();
    }

    private static void checkStorage(StreamConfiguration actual, StreamSettings wanted) throws SinkException {
        if (wanted.storage() == Storage.FILE && actual.getStorageType() != StorageType.File) {
            throw new SinkException("the JetStream stream \"" + wanted.name() + "\" keeps its messages in memory, so a"
                    + " NATS server restart would lose events Sluice has already checkpointed past. Storage cannot be"
                    + " changed in place: delete and re-create the stream with file storage (nats stream rm "
                    + wanted.name() + "; Sluice re-creates it when sluice.sink.nats.stream.create = true), use"
                    + " another sluice.sink.nats.stream.name, or set sluice.sink.nats.stream.storage = memory to"
                    + " accept the loss");
        }
    }

    /** Fails with every setting of {@code actual} that breaks a guarantee, each with its fix. */
    static void check(StreamConfiguration actual, StreamSettings wanted, SubjectTemplate template)
            throws SinkException {
        checkStorage(actual, wanted);
        List<String> problems = new ArrayList<>();
        Duration window = actual.getDuplicateWindow();
        if (window == null || window.compareTo(wanted.duplicateWindow()) < 0) {
            problems.add("its duplicate window is " + window + ", shorter than sluice.sink.nats.stream.duplicate-window = "
                    + wanted.duplicateWindow() + ", so events published again after a restart may be stored twice:"
                    + " raise it (nats stream edit " + wanted.name() + " --dupe-window " + wanted.duplicateWindow().toSeconds()
                    + "s), lower the setting, or set sluice.sink.nats.stream.update = true");
        }
        if (!template.coveredBy(actual.getSubjects())) {
            problems.add("its subjects " + actual.getSubjects() + " do not cover " + template.wildcard()
                    + ", the subjects of sluice.sink.nats.subject-template = \"" + template + "\", so publishes would"
                    + " not be stored: add \"" + template.wildcard() + "\" to the stream's subjects, or set"
                    + " sluice.sink.nats.stream.update = true");
        }
        if (!problems.isEmpty()) {
            throw new SinkException("the JetStream stream \"" + wanted.name() + "\" cannot be used: "
                    + String.join("; ", problems));
        }
    }
}
