package ma.tadafor.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.ExternalCommand;

class ConsultationPackTest extends DemoApplicationTest {

    private static final String PACK = "/api/v1/exports/consultation-pack";

    @TempDir
    Path folder;

    @Test
    void comparesTheProgrammesProvincesSheetBySheet() throws Exception {
        awaitMarts();
        String committee = "/api/v1/committees/05.081";
        Number meeting = (Number) object(send("POST", committee + "/meetings", "enabel", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "2024-03-01"}""")).get("id");
        assertThat(send("POST", committee + "/recommendations", "enabel", """
                {"meetingId": %s, "textFr": "Réunir les associations de Demnate", "ownerInstitution": "DAS", "dueOn": "2024-06-30"}"""
                .formatted(meeting)).statusCode()).isEqualTo(201);
        List<Map<String, Object>> azilal = items(get(committee + "/recommendations", "enabel"));

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PACK))
                .header("Authorization", basic("dgct", PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.sheetIterator()).toIterable().extracting(Sheet::getSheetName)
                    .containsExactly("Participation", "Indicateurs", "Convergence INDH", "Recommandations");

            Row recommendations = row(workbook.getSheet("Recommandations"), 0, "05.081").orElseThrow();
            assertThat(recommendations.getCell(3).getNumericCellValue()).isEqualTo(azilal.size());
            assertThat(recommendations.getCell(7).getNumericCellValue())
                    .isEqualTo(azilal.stream().filter(r -> Boolean.TRUE.equals(r.get("overdue"))).count());

            Map<String, Object> citizens = items(get("/api/v1/indicators?semester=2024S1&scope=province:05.091", "dgct"))
                    .stream().filter(i -> i.get("code").equals("R2.5")).findFirst().orElseThrow();
            Row indicator = rows(workbook.getSheet("Indicateurs")).stream()
                    .filter(r -> r.getCell(0).getStringCellValue().equals("2024S1") && r.getCell(1).getStringCellValue().equals("05.091")
                            && r.getCell(4).getStringCellValue().equals("R2.5"))
                    .findFirst().orElseThrow();
            assertThat(indicator.getCell(7).getNumericCellValue()).isEqualTo(((Number) citizens.get("actual")).doubleValue());
            assertThat(indicator.getCell(9).getStringCellValue()).isEqualTo(citizens.get("status"));

            Row participation = rows(workbook.getSheet("Participation")).stream()
                    .filter(r -> r.getCell(0).getStringCellValue().equals("2024S1") && r.getCell(1).getStringCellValue().equals("05.091"))
                    .findFirst().orElseThrow();
            assertThat(participation.getCell(2).getStringCellValue()).isEqualTo("Béni Mellal");
            assertThat(participation.getCell(4).getNumericCellValue()).isPositive();
            assertThat(workbook.getSheet("Convergence INDH").getLastRowNum()).isPositive();
        }
        assertThat(get("/api/v1/audit?action=EXPORT&user=dgct", "admin").body()).contains("consultation-pack");
        assertThat(openedInLibreOffice(response.body())).contains("05.091").contains("Béni Mellal");
    }

    /**
     * The workbook's first sheet as LibreOffice reads it (Debian's {@code libreoffice-calc-nogui},
     * installed by {@code .ci/run}): committees open the pack in LibreOffice as often as in Excel.
     */
    private String openedInLibreOffice(byte[] workbook) throws Exception {
        Path file = folder.resolve("pack.xlsx");
        Files.write(file, workbook);
        Path log = folder.resolve("soffice.log");
        int exitValue = ExternalCommand.run(new ProcessBuilder("soffice", "-env:UserInstallation=" + folder.resolve("profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                folder.toString(), file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()), Duration.ofMinutes(3));
        assertThat(exitValue).as(Files.readString(log)).isZero();
        return Files.readString(folder.resolve("pack.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void governorsAndCommunesAreRefused() throws Exception {
        assertThat(get(PACK, "gov-beni-mellal").statusCode()).isEqualTo(403);
        assertThat(get(PACK, "focal-kasba-tadla").statusCode()).isEqualTo(403);
    }

    private static Optional<Row> row(Sheet sheet, int column, String value) {
        return rows(sheet).stream().filter(r -> r.getCell(column).getStringCellValue().equals(value)).findFirst();
    }

    private static List<Row> rows(Sheet sheet) {
        return IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow).toList();
    }
}
