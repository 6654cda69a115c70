package io.sluice.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.connector.config.SluiceConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yaml as "docker compose up" would run it: every Sluice service's mounted configuration
 * loads with the service's environment, and ports, health, stop time, credentials and server ids agree
 * with MySQL and with the image.
 */
class ComposeIT {

    private static final Path FILE = Checkout.DOCKER.resolve("compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final JsonNode services = new YAMLMapper().readTree(FILE.toFile()).required("services");
    private final JsonNode mysql = services.required("mysql");
    private final List<String> mysqlOptions = ContainerExample.strings(mysql.required("command"));
    private final ContainerExample example = new ContainerExample();

    ComposeIT() throws IOException {
    }

    @TestFactory
    Stream<DynamicTest> everySluiceServiceRunsWithItsConfiguration() {
        Map<String, JsonNode> sluices = sluiceServices();
        assertTrue(sluices.size() >= 2, "expected a Kafka and a NATS Sluice service, found " + sluices.keySet());
        return sluices.entrySet().stream().map(service -> DynamicTest.dynamicTest(service.getKey(), () -> {
            String where = FILE.getFileName() + " service " + service.getKey();
            SluiceConfig config = load(service.getValue(), where);

            int containerPort = Integer.parseInt(last(service.getValue().required("ports").get(0).asText()));
            example.assertProbesReach(config, containerPort, where);
            ContainerExample.assertJsonLogs(config, where);
            ContainerExample.assertStopsInTime(duration(service.getValue().required("stop_grace_period").asText()),
                    config, where);
            ContainerExample.assertSourceServes(mysqlOptions, environment(mysql), config, where);
            assertEquals("mysql", config.source().host(), where);
            assertStartsAfterHealthyDependencies(service.getValue(), where);
        }));
    }

    @Test
    void everySluiceReplicaHasAServerIdOfItsOwn() {
        Set<Long> ids = new HashSet<>(Set.of(ContainerExample.serverId(mysqlOptions)));
        sluiceServices().forEach((name, service) -> assertTrue(ids.add(load(service, name).source().serverId()),
                "service " + name + " shares a server id with another replica or MySQL: " + ids));
    }

    @Test
    void mysqlGrantsTheUserWhatSluiceNeeds() throws IOException {
        String user = environment(mysql).get("MYSQL_USER");
        Path scripts = Checkout.DOCKER.resolve(source(mysql, "/docker-entrypoint-initdb.d")).normalize();
        StringBuilder sql = new StringBuilder();
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                sql.append(Files.readString(file)).append('\n');
            }
        }
        ContainerExample.assertGrantsSluice(sql.toString(), user, scripts.toString());
    }

    /** The services that run the image built from docker/Dockerfile. */
    private Map<String, JsonNode> sluiceServices() {
        Map<String, JsonNode> sluices = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            if (service.getValue().path("build").path("dockerfile").asText().equals("docker/Dockerfile")) {
                sluices.put(service.getKey(), service.getValue());
            }
        }
        return sluices;
    }

    /** The configuration a Sluice service mounts where the image reads it, loaded with the service's environment. */
    private SluiceConfig load(JsonNode service, String where) {
        Path file = Checkout.DOCKER.resolve(source(service, example.configPath())).normalize();
        try {
            return example.load(Files.readString(file), file.getFileName().toString(), environment(service));
        } catch (IOException e) {
            throw new AssertionError(where + " mounts " + file + ", which cannot be read", e);
        }
    }

    /** Each dependency is waited for until its health check passes, and has one. */
    private void assertStartsAfterHealthyDependencies(JsonNode service, String where) {
        JsonNode dependencies = service.required("depends_on");
        assertTrue(dependencies.has("mysql"), where + " does not wait for mysql");
        for (Map.Entry<String, JsonNode> dependency : dependencies.properties()) {
            assertEquals("service_healthy", dependency.getValue().path("condition").asText(),
                    where + " starts before " + dependency.getKey() + " is healthy");
            assertFalse(services.path(dependency.getKey()).path("healthcheck").isMissingNode(),
                    dependency.getKey() + " has no health check to wait for");
        }
    }

    /** The host side of the short-syntax volume mounted at {@code target}. */
    private static String source(JsonNode service, String target) {
        for (String volume : ContainerExample.strings(service.required("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError("nothing is mounted at " + target + " in " + service);
    }

    /** A service's environment as the container sees it: ${NAME:-default} becomes the default, as with no .env. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> variable : service.path("environment").properties()) {
            Matcher reference = VARIABLE.matcher(variable.getValue().asText());
            StringBuilder value = new StringBuilder();
            while (reference.find()) {
                if (reference.group(2) == null) {
                    throw new AssertionError(variable.getKey() + ": ${" + reference.group(1) + "} has no default");
                }
                reference.appendReplacement(value, Matcher.quoteReplacement(reference.group(2)));
            }
            environment.put(variable.getKey(), reference.appendTail(value).toString());
        }
        return environment;
    }

    /** Compose's duration syntax, such as 45s or 1m30s. */
    private static Duration duration(String text) {
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = part.end();
        }
        assertEquals(text.length(), end, "not a compose duration: " + text);
        return total;
    }

    private static String last(String portMapping) {
        return portMapping.substring(portMapping.lastIndexOf(':') + 1);
    }
}
