package io.sluice.connector.cli;

import io.sluice.connector.check.Finding;
import io.sluice.connector.check.Preflight;
import io.sluice.connector.config.SluiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice check}: validates the configuration, then runs the {@link Preflight} against the server
 * and prints one line per finding, with its fix, on standard output.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
        "Validate the configuration and check that the server, the user's privileges and the plug-ins suit Sluice.",
        "Prints one line per finding with its fix; changes nothing."})
final class CheckCommand implements Callable<Void> {

    @ParentCommand
    private Main main;

    @Mixin
    private ConfigOptions options;

    @Override
    public Void call() throws CheckFailedException {
        SluiceConfig config = options.load(main.loader());
        PrintWriter out = main.out();
        out.println("OK    configuration " + options.file + " is valid");
        List<Finding> findings = new Preflight(config).run();
        for (Finding finding : findings) {
            out.println(line(finding));
        }
        long failures = count(findings, Finding.Severity.FAIL);
        out.println(summary(findings, failures));
        out.flush();
        if (failures > 0) {
            throw new CheckFailedException(failures);
        }
        return null;
    }

    /** {@code WARN  what -> fix: how}, the severity padded so that the findings line up. */
    static String line(Finding finding) {
        String severity = String.format("%-5s ", finding.severity());
        return severity + finding.what() + (finding.fix().isEmpty() ? "" : " -> fix: " + finding.fix());
    }

    private static String summary(List<Finding> findings, long failures) {
        long warnings = count(findings, Finding.Severity.WARN);
        return "check: " + count(findings, Finding.Severity.OK) + " ok, " + warnings + " warning(s), "
                + failures + " failure(s)" + (failures > 0 ? ": Sluice cannot run like this"
                : warnings > 0 ? ": Sluice can run; consider the warnings" : ": ready");
    }

    private static long count(List<Finding> findings, Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
