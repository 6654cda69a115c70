package io.sluice.connector.config;

import io.sluice.connector.decode.ValueEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final String MINIMAL = "sluice.source { host = db, user = sluice }\n";

    @TempDir
    Path dir;

    @Test
    void defaultsComeFromReferenceConf() {
        SluiceConfig config = load(MINIMAL);

        assertEquals("db", config.source().host());
        assertEquals(3306, config.source().port());
        assertEquals(5400, config.source().serverId());
        assertEquals(Secret.EMPTY, config.source().password());
        assertEquals(Duration.ofSeconds(10), config.source().connectTimeout());
        assertEquals(Duration.ofSeconds(1), config.source().reconnectMinBackoff());
        assertEquals(Duration.ofSeconds(30), config.source().reconnectMaxBackoff());
        assertEquals(StartPosition.Kind.CURRENT, config.source().start().kind());
        assertEquals(FilterConfig.EVERYTHING, config.filter());
        assertEquals("stdout", config.sink().type());
        assertFalse(config.sink().settings().getBoolean("pretty"));
        assertEquals("file", config.checkpoint().store());
        assertEquals("sluice-checkpoint.json", config.checkpoint().settings().getString("path"));
        assertEquals(Duration.ofSeconds(1), config.checkpoint().interval());
        assertEquals(10_000, config.checkpoint().maxEvents());
        assertEquals(new PipelineConfig(8192, 16L << 20, Duration.ofSeconds(30)), config.pipeline());
        assertEquals(ValueEncoding.DEFAULT, config.encoding());
    }

    @Test
    void unknownKeyNamesFileLineAndSuggestsTheKnownOne() throws IOException {
        Path file = write("my.conf", """
                sluice {
                  source {
                    hots = "db"
                    user = sluice
                  }
                }
                """);

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, List.of()));

        ConfigProblem unknown = problem(e, "sluice.source.hots");
        assertEquals(file + ":3", unknown.origin());
        assertEquals(file + ":3: sluice.source.hots: unknown key; did you mean sluice.source.host?", unknown.toString());
    }

    @Test
    void keyInTheWrongSectionSuggestsWhereItBelongs() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.port = 3307\n"));

        assertTrue(problem(e, "sluice.port").message().contains("did you mean sluice.source.port"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path file = write("bad.conf", """
                sluice {
                  source {
                    host = db
                    port = 70000
                    server-id = 0
                    connect-timeout = ten
                    start.from = somewhere
                  }
                  filter.include-tables = ["shop\\\\.(orders"]
                  pipeline.max-in-flight-bytes = 12
                  encoding.decimal = float
                  checkpoint.intervall = 1s
                }
                """);

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, List.of()));

        List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
        assertEquals(List.of(
                "sluice.source.port", "sluice.source.server-id", "sluice.source.connect-timeout",
                "sluice.source.start.from", "sluice.filter.include-tables[0]", "sluice.pipeline.max-in-flight-bytes",
                "sluice.encoding.decimal", "sluice.checkpoint.intervall", "sluice.source.user"), paths);
        assertEquals(file + ":4", problem(e, "sluice.source.port").origin());
        assertTrue(problem(e, "sluice.source.port").message().contains("from 1 to 65535"));
        assertTrue(problem(e, "sluice.source.start.from").message().contains("current, earliest, file, gtid"));
        assertTrue(problem(e, "sluice.encoding.decimal").message().contains("string, number, double"));
        assertTrue(problem(e, "sluice.filter.include-tables[0]").message().contains("not a valid regular expression"));
        assertTrue(problem(e, "sluice.checkpoint.intervall").message().contains("did you mean sluice.checkpoint.interval?"));
        assertTrue(problem(e, "sluice.source.user").message().startsWith("missing"));
        assertTrue(e.getMessage().startsWith("9 problems in the configuration:"), e.getMessage());
    }

    @Test
    void setBeatsEnvironmentBeatsFileBeatsReference() {
        String file = MINIMAL + "sluice.source.port = 3307\nsluice.source.server-id = 7\n";
        Map<String, String> environment = Map.of("SLUICE_SOURCE_PORT", "3308", "SLUICE_SOURCE_USER", "from-env");

        SluiceConfig fileOnly = new ConfigLoader(Map.of()).load(file, "test.conf", List.of());
        SluiceConfig withEnvironment = new ConfigLoader(environment).load(file, "test.conf", List.of());
        SluiceConfig withSet = new ConfigLoader(environment).load(file, "test.conf",
                List.of("sluice.source.port=3309", "sluice.source.port=3310"));

        assertEquals(3307, fileOnly.source().port());
        assertEquals(3308, withEnvironment.source().port());
        assertEquals("from-env", withEnvironment.source().user());
        assertEquals(3310, withSet.source().port(), "the last --set wins");
        assertEquals(7, withSet.source().serverId(), "the file still wins over reference.conf");
        assertEquals(Duration.ofSeconds(10), withSet.source().heartbeatInterval());
    }

    @Test
    void environmentNamesMapToKebabCasePathsAndListsParseAsHocon() {
        Map<String, String> environment = Map.of(
                "SLUICE_SOURCE_SERVER__ID", "5401",
                "SLUICE_FILTER_INCLUDE__TABLES", "[\"shop\\\\.orders\", \"shop\\\\.items\"]",
                "SLUICE_PIPELINE_MAX__IN__FLIGHT__BYTES", "1MiB",
                "SLUICE_JAVA_OPTS", "-Xmx1g",
                "SLUICE_LOG_LEVEL", "DEBUG",
                "UNRELATED", "x");

        SluiceConfig config = new ConfigLoader(environment).load(MINIMAL, "test.conf", List.of());

        assertEquals(5401, config.source().serverId());
        assertEquals(List.of("shop\\.orders", "shop\\.items"), config.filter().includeTables());
        assertEquals(1L << 20, config.pipeline().maxInFlightBytes());
    }

    @Test
    void misspeltEnvironmentVariableIsAnUnknownKeyNamingTheVariable() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of("SLUICE_SOURCE_HOTS", "db")).load(MINIMAL, "t.conf", List.of()));

        ConfigProblem problem = problem(e, "sluice.source.hots");
        assertEquals("environment variable SLUICE_SOURCE_HOTS", problem.origin());
        assertTrue(problem.message().contains("did you mean sluice.source.host?"));
    }

    @Test
    void substitutionsTakeSecretsFromAnyVariable() {
        String file = MINIMAL + "sluice.source.password = ${?MYSQL_PASSWORD}\n";

        assertEquals("s3cret", new ConfigLoader(Map.of("MYSQL_PASSWORD", "s3cret"))
                .load(file, "t.conf", List.of()).source().password().reveal());
        assertEquals("", new ConfigLoader(Map.of()).load(file, "t.conf", List.of()).source().password().reveal(),
                "an unset optional substitution leaves the default");
    }

    @Test
    void requiredSubstitutionThatIsUnsetIsReportedWithItsLine() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new ConfigLoader(Map.of())
                .load(MINIMAL + "sluice.source.password = ${MYSQL_PASSWORD}\n", "t.conf", List.of()));

        assertEquals("t.conf:2", e.problems().get(0).origin());
        assertTrue(e.problems().get(0).message().contains("${MYSQL_PASSWORD}"), e.getMessage());
    }

    @Test
    void secretsNeverAppearInMessages() {
        String secret = "hunter2-do-not-print";
        Map<String, String> environment = Map.of("MYSQL_PASSWORD", secret, "SLUICE_SOURCE_PASWORD", secret);
        String file = """
                sluice.source {
                  host = db
                  user = u
                  password = ${MYSQL_PASSWORD}
                  passwd = ${MYSQL_PASSWORD}
                  port = ${MYSQL_PASSWORD}
                }
                """;

        InvalidConfigException fromFile = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(environment).load(file, "t.conf", List.of()));
        InvalidConfigException fromSet = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(MINIMAL, "t.conf",
                        List.of("sluice.source.password={ " + secret + " = 1 }", secret)));

        assertFalse(fromFile.getMessage().contains(secret), fromFile.getMessage());
        assertFalse(fromSet.getMessage().contains(secret), fromSet.getMessage());
        SluiceConfig config = new ConfigLoader(Map.of("MYSQL_PASSWORD", secret)).load(MINIMAL + "sluice.source.password = "
                + "${MYSQL_PASSWORD}\n", "t.conf", List.of("sluice.source.password=" + secret));
        assertEquals(secret, config.source().password().reveal());
        assertFalse(config.toString().contains(secret), config.toString());
    }

    @Test
    void durationsAndSizesTakeHoconUnitsButDurationsRefuseBareNumbers() {
        SluiceConfig config = load(MINIMAL + """
                sluice.source.connect-timeout = 500ms
                sluice.source.heartbeat-interval = 2 minutes
                sluice.pipeline.max-in-flight-bytes = 1GB
                sluice.pipeline.shutdown-timeout = 1h
                """);
        InvalidConfigException bare = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.source.connect-timeout = 10\n"));

        assertEquals(Duration.ofMillis(500), config.source().connectTimeout());
        assertEquals(Duration.ofMinutes(2), config.source().heartbeatInterval());
        assertEquals(1_000_000_000L, config.pipeline().maxInFlightBytes());
        assertEquals(Duration.ofHours(1), config.pipeline().shutdownTimeout());
        assertTrue(problem(bare, "sluice.source.connect-timeout").message().contains("add a unit"), bare.getMessage());
    }

    @Test
    void choicesAreCaseInsensitive() {
        SluiceConfig config = load(MINIMAL + "sluice.encoding { decimal = NUMBER, temporal = Debezium, binary = hex }\n");

        assertEquals(new ValueEncoding(ValueEncoding.DecimalMode.NUMBER, ValueEncoding.TemporalMode.DEBEZIUM,
                ValueEncoding.BinaryMode.HEX), config.encoding());
    }

    @Test
    void serverIdCoversTheUnsigned32BitRange() {
        assertEquals(4_294_967_295L, load(MINIMAL + "sluice.source.server-id = 4294967295\n").source().serverId());
        assertThrows(InvalidConfigException.class, () -> load(MINIMAL + "sluice.source.server-id = 4294967296\n"));
        assertThrows(InvalidConfigException.class, () -> load(MINIMAL + "sluice.source.server-id = 0\n"));
    }

    @Test
    void startPositionRequiresWhatItsKindNeeds() {
        InvalidConfigException file = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.source.start.from = file\n"));
        InvalidConfigException gtid = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.source.start.from = gtid\n"));
        SluiceConfig explicit = load(MINIMAL + "sluice.source.start { from = file, file = \"binlog.000042\", offset = 1234 }\n");

        assertEquals(List.of("sluice.source.start.file"), file.problems().stream().map(ConfigProblem::path).toList());
        assertEquals(List.of("sluice.source.start.gtid-set"), gtid.problems().stream().map(ConfigProblem::path).toList());
        assertEquals(new StartPosition(StartPosition.Kind.FILE, "binlog.000042", 1234, null), explicit.source().start());
    }

    @Test
    void reconnectBackoffsMustBeOrdered() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.source.reconnect { min-backoff = 1m, max-backoff = 5s }\n"));

        assertEquals("sluice.source.reconnect.max-backoff", e.problems().get(0).path());
    }

    @Test
    void setValuesAreHoconButTextHoconWouldMangleIsKeptLiterally() {
        SluiceConfig config = new ConfigLoader(Map.of()).load(MINIMAL, "t.conf", List.of(
                "sluice.source.start.from=gtid",
                "sluice.source.start.gtid-set=3e11fa47-71ca-11e1-9e33-c80aa9429562:1-57",
                "sluice.source.password=p#ss word@1",
                "sluice.filter.include-databases=[shop, crm]",
                "sluice.source.connect-timeout=3s"));

        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-57", config.source().start().gtidSet());
        assertEquals("p#ss word@1", config.source().password().reveal());
        assertEquals(List.of("shop", "crm"), config.filter().includeDatabases());
        assertEquals(Duration.ofSeconds(3), config.source().connectTimeout());
    }

    @Test
    void malformedSetIsAConfigurationProblem() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(MINIMAL, "t.conf", List.of("sluice.source.port")));

        assertEquals("--set", e.problems().get(0).origin());
        assertTrue(e.problems().get(0).message().contains("path=value"));
    }

    @Test
    void missingFileAndSyntaxErrorsAreProblemsToo() throws IOException {
        Path broken = write("broken.conf", "sluice {\n  source {\n    host = \n");

        InvalidConfigException missing = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(dir.resolve("nope.conf"), List.of()));
        InvalidConfigException syntax = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(Map.of()).load(broken, List.of()));

        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        assertTrue(syntax.problems().get(0).origin().startsWith(broken.toString() + ":"), syntax.getMessage());
    }

    @Test
    void pluginSubtreesAreCheckedAgainstTheirModulesReferenceExceptPassthroughBlocks() {
        com.typesafe.config.Config reference = com.typesafe.config.ConfigFactory.parseString("""
                sluice.sink.kafka { topic-prefix = "sluice", producer { acks = all } }
                """).withFallback(ConfigLoader.reference(getClass().getClassLoader()));
        ConfigLoader loader = new ConfigLoader(Map.of(), reference);
        String kafka = MINIMAL + """
                sluice.sink {
                  type = kafka
                  kafka {
                    topic-prefix = shop
                    producer { "linger.ms" = 5, bootstrap.servers = "localhost:9092" }
                    consumer { group.id = x }
                  }
                }
                """;

        SluiceConfig config = loader.load(kafka, "k.conf", List.of());
        InvalidConfigException typo = assertThrows(InvalidConfigException.class, () -> loader.load(
                MINIMAL + "sluice.sink.kafka.topik-prefix = x\nsluice.sink.kafak.x = 1\n", "k.conf", List.of()));

        assertEquals("shop", config.sink().settings().getString("topic-prefix"));
        assertEquals("all", config.sink().settings().getString("producer.acks"), "module defaults are merged in");
        assertEquals(5, config.sink().settings().getInt("producer.\"linger.ms\""));
        assertTrue(problem(typo, "sluice.sink.kafka.topik-prefix").message()
                .contains("did you mean sluice.sink.kafka.topic-prefix?"), typo.getMessage());
        assertTrue(problem(typo, "sluice.sink.kafak").message().contains("did you mean sluice.sink.kafka?"),
                typo.getMessage());
    }

    @Test
    void objectWhereAValueBelongsAndValueWhereAnObjectBelongsAreProblems() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(MINIMAL + "sluice.source.reconnect = 5s\nsluice.source.port { a = 1 }\n"));

        assertTrue(problem(e, "sluice.source.reconnect").message().contains("expected an object"), e.getMessage());
        assertTrue(problem(e, "sluice.source.port").message().contains("expected a whole number"), e.getMessage());
    }

    private SluiceConfig load(String hocon) {
        return new ConfigLoader(Map.of()).load(hocon, "test.conf", List.of());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static ConfigProblem problem(InvalidConfigException e, String path) {
        return e.problems().stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + e.getMessage()));
    }
}
