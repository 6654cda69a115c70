package io.sluice.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.connector.config.SluiceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/kubernetes as "kubectl apply -k" would create it: the Sluice sidecar's configuration (from its
 * ConfigMap) loads with the container's environment (Secret values resolved), and probes, grace period,
 * checkpoint volume and credentials agree with it, with MySQL and with the image.
 */
class KubernetesExampleIT {

    private static final Path FOLDER = Checkout.DOCKER.resolve("kubernetes");
    private static final String KUSTOMIZATION = "kustomization.yaml";

    private final YAMLMapper yaml = new YAMLMapper();
    private final List<JsonNode> resources = new ArrayList<>();
    private final ContainerExample example = new ContainerExample();
    private final JsonNode statefulSet;
    private final JsonNode pod;
    private final JsonNode sluice;
    private final JsonNode mysql;

    KubernetesExampleIT() throws IOException {
        for (Path file : resourceFiles()) {
            try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                resources.addAll(documents.readAll());
            }
        }
        statefulSet = resources.stream().filter(r -> r.path("kind").asText().equals("StatefulSet")).findFirst()
                .orElseThrow(() -> new AssertionError("no StatefulSet in " + FOLDER));
        pod = statefulSet.at("/spec/template/spec");
        sluice = container("sluice");
        mysql = container("mysql");
    }

    @Test
    void theKustomizationAppliesEveryFile() throws IOException {
        List<String> listed = new ArrayList<>();
        yaml.readTree(FOLDER.resolve(KUSTOMIZATION).toFile()).required("resources")
                .forEach(resource -> listed.add(resource.asText()));
        assertEquals(resourceFiles().stream().map(f -> f.getFileName().toString()).sorted().toList(),
                listed.stream().sorted().toList());
    }

    @Test
    void theSidecarRunsWithItsConfiguration() {
        String where = FOLDER.getFileName() + " container sluice";
        SluiceConfig config = load();

        assertEquals("/health/live", sluice.at("/livenessProbe/httpGet/path").asText(), where);
        assertEquals("/health/ready", sluice.at("/readinessProbe/httpGet/path").asText(), where);
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            example.assertProbesReach(config, port(sluice.at("/" + probe + "/httpGet/port")), where + " " + probe);
        }
        ContainerExample.assertJsonLogs(config, where);
        ContainerExample.assertStopsInTime(Duration.ofSeconds(pod.required("terminationGracePeriodSeconds").asLong()),
                config, where);
        ContainerExample.assertSourceServes(ContainerExample.strings(mysql.required("args")), environment(mysql), config,
                where);
        assertEquals("127.0.0.1", config.source().host(), where + ": MySQL is in the same pod");
    }

    /** A file checkpoint must be on a persistent volume; a broker's store outlives the pod anyway. */
    @Test
    void theCheckpointOutlivesThePod() {
        SluiceConfig config = load();
        if (!config.checkpoint().store().equals("file")) {
            assertTrue(List.of("kafka", "nats-kv").contains(config.checkpoint().store()), config.checkpoint().store());
            return;
        }
        Path checkpoint = Path.of(config.checkpoint().settings().getString("path"));
        assertTrue(checkpoint.isAbsolute(), checkpoint + " depends on the working directory");
        List<String> claims = new ArrayList<>();
        statefulSet.at("/spec/volumeClaimTemplates").forEach(claim -> claims.add(claim.at("/metadata/name").asText()));
        boolean persistent = false;
        for (JsonNode mount : sluice.required("volumeMounts")) {
            persistent |= checkpoint.startsWith(mount.required("mountPath").asText())
                    && claims.contains(mount.required("name").asText());
        }
        assertTrue(persistent, checkpoint + " is on no volume claimed by the StatefulSet " + claims);
    }

    @Test
    void mysqlGrantsTheUserWhatSluiceNeeds() {
        StringBuilder sql = new StringBuilder();
        mounted(mysql, "/docker-entrypoint-initdb.d").required("data").forEach(script -> sql.append(script.asText()));
        ContainerExample.assertGrantsSluice(sql.toString(), environment(mysql).get("MYSQL_USER"), "mysql init ConfigMap");
    }

    /** The configuration from the ConfigMap mounted where the image's command reads it. */
    private SluiceConfig load() {
        Path configPath = Path.of(example.configPath());
        JsonNode configMap = mounted(sluice, configPath.getParent().toString());
        String name = configPath.getFileName().toString();
        return example.load(configMap.required("data").required(name).asText(),
                configMap.at("/metadata/name").asText() + "/" + name, environment(sluice));
    }

    /** The ConfigMap behind the volume a container mounts at {@code mountPath}. */
    private JsonNode mounted(JsonNode container, String mountPath) {
        for (JsonNode mount : container.required("volumeMounts")) {
            if (mount.required("mountPath").asText().equals(mountPath)) {
                for (JsonNode volume : pod.required("volumes")) {
                    if (volume.required("name").asText().equals(mount.required("name").asText())) {
                        return resource("ConfigMap", volume.at("/configMap/name").asText());
                    }
                }
            }
        }
        throw new AssertionError("container " + container.path("name").asText() + " mounts no ConfigMap at " + mountPath);
    }

    /** A container's environment with Secret references resolved to the example Secret's values. */
    private Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode secretKey = variable.at("/valueFrom/secretKeyRef");
            String value = secretKey.isMissingNode() ? variable.required("value").asText()
                    : resource("Secret", secretKey.required("name").asText()).at("/stringData/" + secretKey.required("key").asText())
                            .asText();
            environment.put(variable.required("name").asText(), value);
        }
        return environment;
    }

    /** A probe's port, given as a number or as the name of one of the container's ports. */
    private int port(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : sluice.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.required("containerPort").asInt();
            }
        }
        throw new AssertionError("the sluice container declares no port named " + port.asText());
    }

    private JsonNode container(String name) {
        for (JsonNode container : pod.required("containers")) {
            if (container.required("name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("the StatefulSet's pod has no container " + name);
    }

    private JsonNode resource(String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + FOLDER));
    }

    private static List<Path> resourceFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith(KUSTOMIZATION)).sorted().toList();
        }
    }
}
