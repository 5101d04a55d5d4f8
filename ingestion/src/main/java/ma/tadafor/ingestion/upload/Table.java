package ma.tadafor.ingestion.upload;

import java.util.List;

/**
 * An uploaded file as text: its header and its non-blank data rows, whatever the format.
 * {@code errors} are cells that could not be read as text (an XLSX formula whose cached result is an error).
 */
record Table(List<String> headers, List<Row> rows, List<CellError> errors) {

    /** A data row; {@code number} is the row as the user's spreadsheet numbers it (the header is 1). */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    record CellError(int row, int columnIndex, String code) {
    }
}
