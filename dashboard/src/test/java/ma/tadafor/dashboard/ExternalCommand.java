package ma.tadafor.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program the tests need (another JVM, LibreOffice, Poppler) with a time limit. Its output
 * must go to files: a pipe would have to be read for the program to go on, and reading it blocks
 * for as long as the program runs, past any limit.
 */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /** The exit value of {@code command}; one still running after {@code limit} is killed and fails the test. */
    public static int run(ProcessBuilder command, Duration limit) throws IOException, InterruptedException {
        Process process = command.start();
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        File output = command.redirectOutput().file();
        throw new AssertionError("%s ran past %s and was killed; it said:%n%s".formatted(command.command().get(0), limit,
                output == null ? "(not kept)" : Files.readString(output.toPath())));
    }
}
