package ma.tadafor.ingestion.upload;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * An XLSX cell as the text a CSV would carry. A formula is read as the value Excel cached when
 * the file was saved: nothing is ever evaluated (a file cannot make the server compute, fetch
 * external links or run anything). Dates become ISO dates, numbers plain decimals. Public for the
 * other workbooks users send (the programme set-up).
 */
public final class CellText {

    private CellText() {
    }

    /** The cell's text, or null when it holds an error (such as a formula that cached {@code #DIV/0!}). */
    public static String of(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue()) : number(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> null;
            default -> "";
        };
    }

    private static String date(LocalDateTime dateTime) {
        return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString() : dateTime.toString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
