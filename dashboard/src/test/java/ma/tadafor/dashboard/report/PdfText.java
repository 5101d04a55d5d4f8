package ma.tadafor.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ma.tadafor.dashboard.ExternalCommand;

/** A printed PDF read back with poppler-utils, as a reader's tools would (installed by .ci/run). */
public final class PdfText {

    private PdfText() {
    }

    /** The PDF's text, by pdftotext. */
    public static String of(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("brief-", ".pdf");
        try {
            Files.write(file, pdf);
            return new String(run("pdftotext", "-enc", "UTF-8", file.toString(), "-"), StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }

    /** What a poppler command writes on its standard output; it must succeed within a minute. */
    static byte[] run(String... command) throws Exception {
        Path out = Files.createTempFile("poppler", ".out");
        try {
            int exitValue = ExternalCommand.run(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile()), Duration.ofMinutes(1));
            assertThat(exitValue).as(command[0]).isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.delete(out);
        }
    }
}
