package io.sluice.connector.sink;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sink type {@code file}: appends one JSON event per line to {@code sluice.sink.file.path}, and with
 * {@code fsync = true} (the default) forces each group of lines to disk before acknowledging it.
 */
public final class FileSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public Sink create(Config config) throws SinkException {
        if (!config.hasPath("path") || config.getString("path").isBlank()) {
            throw new SinkException("sluice.sink.file.path is not set: name the file the events are appended to");
        }
        Path path = Path.of(config.getString("path")).toAbsolutePath();
        boolean fsync = !config.hasPath("fsync") || config.getBoolean("fsync");
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            dropTornLine(path);
            FileOutputStream file = new FileOutputStream(path.toFile(), true);
            BufferedOutputStream out = new BufferedOutputStream(file, 1 << 16);
            JsonLinesSink.Durability durability = fsync
                    ? () -> {
                        out.flush();
                        file.getChannel().force(false);
                    }
                    : out::flush;
            return new JsonLinesSink(out, durability, value -> value, out::close, "file " + path);
        } catch (IOException e) {
            throw new SinkException("cannot open sink file " + path + " for appending: " + e.getMessage()
                    + ". Check sluice.sink.file.path and the directory's permissions.", e);
        }
    }

    /**
     * A crash in the middle of a write leaves a last line without its newline. That event was never
     * acknowledged, so it will be published again; cut the fragment off so the next line starts clean.
     */
    static void dropTornLine(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long keep = end;
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                channel.truncate(keep);
                channel.force(true);
            }
        }
    }
}
