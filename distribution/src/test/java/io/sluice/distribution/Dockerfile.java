package io.sluice.distribution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructions of docker/Dockerfile, stage by stage, read as Docker reads them (comment lines
 * dropped, continued lines joined), so tests can hold the image against the build's output and the
 * examples. Knows the forms that file uses, and fails on others rather than guess.
 */
final class Dockerfile {

    static final Path PATH = Checkout.DOCKER.resolve("Dockerfile");

    /** One instruction: its keyword in upper case and the rest of its (joined) line. */
    record Instruction(String keyword, String arguments) {
    }

    /** The instructions from one FROM to the next. */
    record Stage(String name, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        String last(String keyword) {
            List<String> all = all(keyword);
            if (all.isEmpty()) {
                throw new AssertionError("stage " + name + " of " + PATH + " has no " + keyword);
            }
            return all.get(all.size() - 1);
        }

        /** Variables set with {@code ENV KEY=VALUE ...}: what every process in the container sees. */
        Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String arguments : all("ENV")) {
                for (String pair : arguments.trim().split("\\s+")) {
                    int equals = pair.indexOf('=');
                    if (equals < 1 || pair.contains("\"") || pair.contains("'")) {
                        throw new AssertionError("ENV " + arguments + ": only unquoted KEY=VALUE pairs are read here");
                    }
                    variables.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return variables;
        }

        /** {@code COPY --from=stage SRC... DEST}: each source with its destination. */
        List<Copy> copiesFrom(String stage) {
            List<Copy> copies = new ArrayList<>();
            for (String arguments : all("COPY")) {
                List<String> words = Arrays.asList(arguments.trim().split("\\s+"));
                if (words.contains("--from=" + stage)) {
                    List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
                    String destination = paths.get(paths.size() - 1);
                    paths.subList(0, paths.size() - 1).forEach(source -> copies.add(new Copy(source, destination)));
                }
            }
            return copies;
        }

        /** The program and arguments of an exec-form (JSON array) ENTRYPOINT, CMD or HEALTHCHECK ... CMD. */
        List<String> execForm(String keyword) {
            String arguments = last(keyword);
            if (keyword.equals("HEALTHCHECK")) {
                arguments = arguments.substring(arguments.indexOf(" CMD ") + " CMD ".length());
            }
            try {
                return new ObjectMapper().readValue(arguments.trim(), new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw new AssertionError(keyword + " " + arguments + " is not in exec form (a JSON array)", e);
            }
        }
    }

    /** One source path of a COPY and where it goes in the image. */
    record Copy(String source, String destination) {
    }

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static Dockerfile read() throws IOException {
        List<Stage> stages = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String text : Files.readAllLines(PATH)) {
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            if (text.endsWith("\\")) {
                line.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            line.append(text);
            String[] parts = line.toString().trim().split("\\s+", 2);
            line.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+(?i:as)\\s+");
                stages.add(new Stage(from.length > 1 ? from[1].trim() : "", new ArrayList<>()));
            }
            stages.get(stages.size() - 1).instructions().add(instruction);
        }
        return new Dockerfile(stages);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(PATH + " has no stage " + name));
    }

    /** The stage that becomes the image. */
    Stage image() {
        return stages.get(stages.size() - 1);
    }
}
