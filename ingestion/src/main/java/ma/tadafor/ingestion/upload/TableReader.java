package ma.tadafor.ingestion.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an upload as a {@link Table}: XLSX (recognised by its ZIP signature; first sheet) or CSV
 * in UTF-8, with or without a byte-order mark, separated by commas or semicolons (Excel in French
 * writes semicolons). Blank rows are skipped. Refuses files over the limits before parsing them.
 */
final class TableReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final UploadLimits limits;

    TableReader(UploadLimits limits) {
        this.limits = limits;
    }

    Table read(InputStream file) {
        byte[] bytes = readAtMost(file);
        if (bytes.length == 0) {
            throw rejected("file.empty");
        }
        if (startsWith(bytes, OLE2)) {
            throw rejected("file.xls");
        }
        return startsWith(bytes, ZIP) ? xlsx(bytes) : csv(bytes);
    }

    private byte[] readAtMost(InputStream file) {
        try (file) {
            byte[] bytes = file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                throw rejected("file.tooLarge", limits.maxBytes() / (1024 * 1024));
            }
            return bytes;
        } catch (IOException e) {
            throw rejected("file.unreadable");
        }
    }

    private Table csv(byte[] bytes) {
        int start = startsWith(bytes, BOM) ? BOM.length : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw rejected("file.encoding");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text)).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    addRow(rows, new Table.Row((int) record.getRecordNumber(), cells));
                }
            }
            return table(headers, rows, List.of());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw rejected("file.unreadable");
        }
    }

    /** The separator is the one the header line uses most: a header has several columns. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private Table xlsx(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            List<Table.CellError> errors = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int width = headers == null ? Math.max(row.getLastCellNum(), 0) : headers.size();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    String text = cell == null ? "" : CellText.of(cell);
                    if (text == null) {
                        errors.add(new Table.CellError(row.getRowNum() + 1, i, "value.formulaError"));
                        text = "";
                    }
                    cells.add(text);
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    addRow(rows, new Table.Row(row.getRowNum() + 1, cells));
                }
            }
            return table(headers, rows, errors);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            throw rejected("file.unreadable");
        }
    }

    private void addRow(List<Table.Row> rows, Table.Row row) {
        if (rows.size() == limits.maxRows()) {
            throw rejected("file.tooManyRows", limits.maxRows());
        }
        rows.add(row);
    }

    private static Table table(List<String> headers, List<Table.Row> rows, List<Table.CellError> errors) {
        if (headers == null) {
            throw rejected("file.empty");
        }
        if (rows.isEmpty()) {
            throw rejected("file.noRows");
        }
        return new Table(headers.stream().map(String::strip).toList(), rows, errors);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static ImportRejectedException rejected(String code, Object... arguments) {
        return new ImportRejectedException(List.of(ImportError.ofFile(code, arguments)));
    }
}
