package io.sluice.connector.sink;

import io.sluice.checkpoint.CheckpointStoreFactory;
import io.sluice.sink.SinkFactory;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds sink and checkpoint-store factories on the class path by their type name. A new sink is a new
 * module with a {@code META-INF/services} entry; nothing here names one.
 */
public final class Plugins {

    private Plugins() {
    }

    /** @throws IllegalArgumentException naming the available types when {@code type} is not one of them */
    public static SinkFactory sink(String type) {
        return find(SinkFactory.class, SinkFactory::type, SinkFactory::listed, type, "sluice.sink.type");
    }

    /** @throws IllegalArgumentException naming the available types when {@code type} is not one of them */
    public static CheckpointStoreFactory checkpointStore(String type) {
        return find(CheckpointStoreFactory.class, CheckpointStoreFactory::type, store -> true, type,
                "sluice.checkpoint.store");
    }

    /** Every available sink type name that is offered to users ({@link SinkFactory#listed}), sorted. */
    public static Iterable<String> sinkTypes() {
        return all(SinkFactory.class, SinkFactory::type).entrySet().stream().filter(e -> e.getValue().listed())
                .map(Map.Entry::getKey).toList();
    }

    /** Every available checkpoint-store type name, sorted. */
    public static Iterable<String> checkpointStoreTypes() {
        return all(CheckpointStoreFactory.class, CheckpointStoreFactory::type).keySet();
    }

    private static <T> T find(Class<T> service, Function<T, String> name, Predicate<T> listed, String type,
                              String key) {
        Map<String, T> available = all(service, name);
        T factory = available.get(type);
        if (factory == null) {
            throw new IllegalArgumentException(key + " = \"" + type + "\" is not an available type; choose one of "
                    + String.join(", ", available.entrySet().stream().filter(e -> listed.test(e.getValue()))
                            .map(Map.Entry::getKey).toList()));
        }
        return factory;
    }

    private static <T> Map<String, T> all(Class<T> service, Function<T, String> name) {
        Map<String, T> result = new TreeMap<>();
        for (T factory : ServiceLoader.load(service)) {
            result.put(name.apply(factory), factory);
        }
        return result;
    }
}
