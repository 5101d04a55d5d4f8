package ma.tadafor.dashboard.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ma.tadafor.dashboard.ExternalCommand;

/** The command line of a JVM on this test's class path: a process the tests can kill, limit or lock out. */
final class ChildJvm {

    private ChildJvm() {
    }

    static List<String> command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m"));
        // Spark needs the test JVM's --add-opens.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("--add-"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} with its output in {@code log}, a file: a pipe would have to be read for the process to go on. */
    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code command} to its end, at most {@code limit}, with its output in {@code log}. */
    static Ended run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        int exitValue = ExternalCommand.run(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()),
                limit);
        return new Ended(exitValue, Files.readString(log));
    }

    /** What a child process said, once it ended. */
    record Ended(int exitValue, String output) {
    }
}
