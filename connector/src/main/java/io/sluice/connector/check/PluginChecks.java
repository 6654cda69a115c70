package io.sluice.connector.check;

import io.sluice.checkpoint.CheckpointStoreFactory;
import io.sluice.sink.SinkFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** Whether the configured sink and checkpoint-store types are installed, found as the daemon finds them. */
final class PluginChecks {

    private PluginChecks() {
    }

    static List<Finding> check(String sinkType, String storeType, ClassLoader classLoader) {
        List<Finding> findings = new ArrayList<>();
        try {
            findings.add(check("sink", "sluice.sink.type", sinkType,
                    types(SinkFactory.class, SinkFactory::type, SinkFactory::listed, sinkType, classLoader)));
            findings.add(check("checkpoint store", "sluice.checkpoint.store", storeType,
                    types(CheckpointStoreFactory.class, CheckpointStoreFactory::type, store -> true, storeType,
                            classLoader)));
        } catch (ServiceConfigurationError e) {
            // A jar whose META-INF/services names a missing or broken class: the daemon could not start either.
            findings.add(Finding.fail("a sink or checkpoint-store module cannot be loaded: " + e.getMessage(),
                    "remove or replace the broken jar in the lib folder"));
        }
        return findings;
    }

    static Finding check(String kind, String key, String type, Set<String> available) {
        if (available.contains(type)) {
            return Finding.ok(kind + " type \"" + type + "\" is available");
        }
        return Finding.fail(key + " = \"" + type + "\" is not an available " + kind + " type",
                available.isEmpty() ? "no " + kind + " modules are on the class path; check the installation"
                        : "choose one of " + String.join(", ", new TreeSet<>(available))
                        + ", or put the module providing \"" + type + "\" into the lib folder");
    }

    /** The types offered as choices, and {@code wanted} too when it exists though it is not offered. */
    private static <T> Set<String> types(Class<T> service, Function<T, String> type, Predicate<T> listed, String wanted,
                                         ClassLoader classLoader) {
        Set<String> names = new TreeSet<>();
        for (T factory : ServiceLoader.load(service, classLoader)) {
            String name = type.apply(factory);
            if (listed.test(factory) || name.equals(wanted)) {
                names.add(name);
            }
        }
        return names;
    }
}
