package io.sluice.connector.checkpoint;

import com.typesafe.config.Config;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.checkpoint.CheckpointStoreFactory;

import java.nio.file.Path;

/** Store type {@code file}: {@code sluice.checkpoint.file.path} names the file. */
public final class FileCheckpointStoreFactory implements CheckpointStoreFactory {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public CheckpointStore create(Config config) throws CheckpointException {
        if (!config.hasPath("path") || config.getString("path").isBlank()) {
            throw new CheckpointException("sluice.checkpoint.file.path is not set: name the file that keeps"
                    + " the position, for example /var/lib/sluice/checkpoint.json");
        }
        return new FileCheckpointStore(Path.of(config.getString("path")));
    }
}
