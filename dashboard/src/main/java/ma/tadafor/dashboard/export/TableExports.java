package ma.tadafor.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;

/**
 * Every table the dashboard shows can be downloaded as CSV (UTF-8 with a BOM, so that Excel reads
 * Arabic right), as CSV for a French Excel ({@code csv-fr}: {@code ;} between columns and decimal
 * commas, which it opens in columns where it reads a plain CSV as one) or XLSX; free text is neutralised against formula injection, and each export is
 * audited.
 */
@Component
public class TableExports {

    /** The format of a CSV for a French Excel. */
    public static final String CSV_FRENCH_EXCEL = "csv-fr";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuditLog audit;

    TableExports(AuditLog audit) {
        this.audit = audit;
    }

    /** Whether {@code format} asks for a file rather than JSON; anything unknown is a 400. */
    public static boolean wantsFile(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv") || format.equals(CSV_FRENCH_EXCEL) || format.equals("xlsx")) {
            return true;
        }
        throw new InvalidParameterException("format", "must be json, csv, csv-fr or xlsx");
    }

    public ResponseEntity<byte[]> download(Table table, String format) {
        boolean xlsx = format.equals("xlsx");
        byte[] body = xlsx ? xlsx(table) : format.equals("csv") ? csv(table) : frenchExcelCsv(table);
        audit.record("EXPORT", table.name(), format + ", " + table.rows().size() + " rows");
        String file = table.name() + (format.equals(CSV_FRENCH_EXCEL) ? "-excel-fr.csv" : "." + format);
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    static byte[] csv(Table table) {
        return csv(table, ',', TableExports::safe);
    }

    /** {@code ;} between columns, a decimal comma in numbers (no grouping): what a French Excel opens in columns. */
    static byte[] frenchExcelCsv(Table table) {
        return csv(table, ';', value -> value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal
                ? new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString().replace('.', ',')
                : safe(value));
    }

    private static byte[] csv(Table table, char delimiter, java.util.function.Function<Object, Object> written) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader(table.columns().toArray(String[]::new)).get())) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(written).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = workbook.createSheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.columns().size(); i++) {
                header.createCell(i).setCellValue(table.columns().get(i));
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    write(row.createCell(c), values.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value != null) {
            cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
        }
    }

    private static Object safe(Object value) {
        return value instanceof String text ? SpreadsheetText.neutralise(text) : value;
    }
}
