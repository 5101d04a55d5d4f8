package ma.tadafor.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableExportsTest {

    private static final Table TABLE = new Table("communes", List.of("code", "nameAr", "title", "population"), List.of(
            Arrays.asList("05.091.01.07", "قصبة تادلة", "=HYPERLINK(\"http://evil\",\"clic\")", 47399),
            Arrays.asList("05.081.01.01", "أزيلال", "@SUM(A1)", null)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            =1+2          | '=1+2
            +212600000000 | '+212600000000
            -3            | '-3
            @cmd          | '@cmd
            Kasba Tadla   | Kasba Tadla
            قصبة تادلة    | قصبة تادلة
            """)
    void formulasInTextAreNeutralised(String text, String expected) {
        assertThat(SpreadsheetText.neutralise(text)).isEqualTo(expected);
    }

    @Test
    void csvIsUtf8WithABomAndNoLiveFormula() {
        byte[] csv = TableExports.csv(TABLE);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines()).containsExactly(
                "code,nameAr,title,population",
                "05.091.01.07,قصبة تادلة,\"'=HYPERLINK(\"\"http://evil\"\",\"\"clic\"\")\",47399",
                "05.081.01.01,أزيلال,'@SUM(A1),");
    }

    @Test
    void aFrenchExcelCsvHasSemicolonsAndDecimalCommas() {
        Table shares = new Table("shares", List.of("code", "share", "participants"), List.of(
                Arrays.asList("05.091.01.07", 12.5, 47399L), Arrays.asList("05.081.01.01", 100.0, null)));
        byte[] csv = TableExports.frenchExcelCsv(shares);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines()).containsExactly(
                "code;share;participants", "05.091.01.07;12,5;47399", "05.081.01.01;100;");
        assertThat(TableExports.wantsFile("csv-fr")).isTrue();
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndTextAsInertText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TableExports.xlsx(TABLE)))) {
            Sheet sheet = workbook.getSheet("communes");

            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("nameAr");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("قصبة تادلة");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).startsWith("'=HYPERLINK");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(47399);
            assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        }
    }
}
