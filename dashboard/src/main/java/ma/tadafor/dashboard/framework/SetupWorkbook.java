package ma.tadafor.dashboard.framework;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.ingestion.upload.CellText;

/**
 * The programme set-up workbook: a sheet of targets, one of baselines, one of member communes and
 * the instructions. Sheets and headers are read in French, Arabic or by their key, whichever
 * template was filled in; cells are read as text (CellText: formulas never evaluated).
 */
@Component
class SetupWorkbook {

    static final int MAX_ROWS_PER_SHEET = 10_000;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.forLanguageTag("ar"));

    private final Wording wording;

    SetupWorkbook(Wording wording) {
        this.wording = wording;
    }

    /** An empty workbook in the user's language; the instructions list the indicators' codes. */
    byte[] template(List<IndicatorDefinition> indicators, Locale locale) {
        boolean arabic = Wording.arabic(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (SetupSheet kind : SetupSheet.values()) {
                XSSFSheet sheet = workbook.createSheet(text("programme.sheet." + kind.key(), locale));
                sheet.setRightToLeft(arabic);
                Row header = sheet.createRow(0);
                for (int i = 0; i < kind.columns().size(); i++) {
                    Cell cell = header.createCell(i);
                    cell.setCellValue(text("programme.column." + kind.columns().get(i).key(), locale));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(i, 28 * 256);
                }
            }
            XSSFSheet instructions = workbook.createSheet(text("programme.sheet.instructions", locale));
            instructions.setRightToLeft(arabic);
            int row = 0;
            for (SetupColumn column : SetupColumn.values()) {
                Row line = instructions.createRow(row++);
                line.createCell(0).setCellValue(text("programme.column." + column.key(), locale));
                line.createCell(1).setCellValue(text("programme.format." + column.key(), locale));
            }
            row++;
            for (IndicatorDefinition indicator : indicators) {
                Row line = instructions.createRow(row++);
                line.createCell(0).setCellValue(indicator.code());
                line.createCell(1).setCellValue(arabic ? indicator.labelAr() : indicator.labelFr());
            }
            instructions.setColumnWidth(0, 28 * 256);
            instructions.setColumnWidth(1, 90 * 256);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook's data rows per sheet, and every problem of its layout (unknown sheets, missing columns). */
    Contents read(byte[] file) {
        List<SetupError> errors = new ArrayList<>();
        Map<SetupSheet, List<SetupRow>> rows = new EnumMap<>(SetupSheet.class);
        if (file.length < ZIP.length || !Arrays.equals(file, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            return new Contents(rows, List.of(SetupError.ofFile("file.notXlsx")));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Sheet sheet : workbook) {
                Optional<SetupSheet> kind = kind(sheet.getSheetName());
                if (kind.isEmpty()) {
                    if (!named(sheet.getSheetName(), "programme.sheet.instructions")) {
                        errors.add(new SetupError(sheet.getSheetName(), 0, -1, null, "sheet.unknown", List.of(sheet.getSheetName())));
                    }
                } else if (rows.containsKey(kind.get())) {
                    errors.add(new SetupError(sheet.getSheetName(), 0, -1, null, "sheet.duplicate", List.of(sheet.getSheetName())));
                } else {
                    rows.put(kind.get(), rows(sheet, kind.get(), errors));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Contents(Map.of(), List.of(SetupError.ofFile("file.unreadable")));
        }
        if (errors.isEmpty() && rows.values().stream().allMatch(List::isEmpty)) {
            errors.add(SetupError.ofFile("file.noRows"));
        }
        return new Contents(rows, errors);
    }

    private List<SetupRow> rows(Sheet sheet, SetupSheet kind, List<SetupError> errors) {
        Map<SetupColumn, Integer> positions = null;
        List<SetupRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                String text = cell == null ? "" : CellText.of(cell);
                if (text == null) {
                    errors.add(new SetupError(sheet.getSheetName(), row.getRowNum() + 1, i, null, "formulaError", List.of()));
                    text = "";
                }
                cells.add(text.strip());
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (positions == null) {
                positions = headers(sheet.getSheetName(), row.getRowNum() + 1, kind, cells, errors);
            } else if (rows.size() == MAX_ROWS_PER_SHEET) {
                errors.add(new SetupError(sheet.getSheetName(), row.getRowNum() + 1, -1, null, "file.tooManyRows",
                        List.of(String.valueOf(MAX_ROWS_PER_SHEET))));
                break;
            } else {
                rows.add(new SetupRow(sheet.getSheetName(), row.getRowNum() + 1, positions, cells));
            }
        }
        return rows;
    }

    private Map<SetupColumn, Integer> headers(String sheet, int rowNumber, SetupSheet kind, List<String> cells,
                                              List<SetupError> errors) {
        Map<SetupColumn, Integer> positions = new EnumMap<>(SetupColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i);
            if (header.isEmpty()) {
                continue;
            }
            int index = i;
            kind.columns().stream().filter(column -> named(header, "programme.column." + column.key())).findFirst()
                    .ifPresentOrElse(column -> {
                        if (positions.putIfAbsent(column, index) != null) {
                            errors.add(new SetupError(sheet, rowNumber, index, null, "column.duplicate", List.of(header)));
                        }
                    }, () -> errors.add(new SetupError(sheet, rowNumber, index, null, "column.unknown", List.of(header))));
        }
        for (SetupColumn column : kind.columns()) {
            if (!positions.containsKey(column)) {
                errors.add(new SetupError(sheet, rowNumber, -1, column, "column.missing", List.of()));
            }
        }
        return positions;
    }

    private Optional<SetupSheet> kind(String name) {
        return Arrays.stream(SetupSheet.values()).filter(kind -> named(name, "programme.sheet." + kind.key())).findFirst();
    }

    /** Whether {@code written} is the label of {@code key} in French or Arabic, or its key's last word, in any case. */
    private boolean named(String written, String key) {
        String wanted = written.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return LANGUAGES.stream().anyMatch(language -> wanted.equals(text(key, language).toLowerCase(Locale.ROOT)));
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }

    /** A workbook's rows by sheet (a sheet left out has none) and what is wrong with its layout. */
    record Contents(Map<SetupSheet, List<SetupRow>> rows, List<SetupError> errors) {

        List<SetupRow> of(SetupSheet kind) {
            return rows.getOrDefault(kind, List.of());
        }
    }

    /** A data row; {@code number} as the spreadsheet numbers it (the header is usually 1). */
    record SetupRow(String sheet, int number, Map<SetupColumn, Integer> positions, List<String> cells) {

        String text(SetupColumn column) {
            Integer position = positions.get(column);
            return position == null || position >= cells.size() ? "" : cells.get(position);
        }

        /** The column's index in the sheet, -1 when the sheet lacks it. */
        int index(SetupColumn column) {
            return positions.getOrDefault(column, -1);
        }
    }

    /**
     * What is wrong, where: {@code row} 0 for a whole sheet or file, {@code column} -1 when no one
     * cell is at fault; {@code field} is the column concerned, if any; {@code code} and {@code arguments} word it ({@code programme.error.<code>}).
     */
    record SetupError(String sheet, int row, int column, SetupColumn field, String code, List<String> arguments) {

        static SetupError ofFile(String code) {
            return new SetupError(null, 0, -1, null, code, List.of());
        }

        /** Where to look, as a spreadsheet writes it: {@code Cibles!C7}, {@code Cibles!7}, {@code Cibles}. */
        String reference() {
            if (sheet == null) {
                return "";
            }
            String quoted = sheet.matches("[\\p{L}\\p{N}_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
            if (row == 0) {
                return quoted;
            }
            return quoted + "!" + (column < 0 ? "" : CellReference.convertNumToColString(column)) + row;
        }
    }
}
