package io.sluice.checkpoint;

import com.typesafe.config.Config;

/**
 * Creates checkpoint stores of one type, found with {@link java.util.ServiceLoader} and chosen by
 * {@link #type()}, the value of {@code sluice.checkpoint.store}.
 */
public interface CheckpointStoreFactory {

    /** The name users write in {@code sluice.checkpoint.store}, for example {@code file}. */
    String type();

    /**
     * @param config the subtree {@code sluice.checkpoint.<type>}, with defaults merged in
     */
    CheckpointStore create(Config config) throws CheckpointException;
}
