package ma.tadafor.ingestion.upload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column of a kind of file sits in an uploaded header; every header problem at once. */
final class Headers {

    private final Map<Column, Integer> positions;

    private Headers(Map<Column, Integer> positions) {
        this.positions = positions;
    }

    static Headers locate(List<String> headers, List<Column> columns, List<ImportError> errors) {
        Map<Column, Integer> positions = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            Column column = columns.stream().filter(candidate -> candidate.named(header)).findFirst().orElse(null);
            if (column == null) {
                errors.add(ImportError.at(1, null, "column.unknown", header));
            } else if (positions.putIfAbsent(column, i) != null) {
                errors.add(ImportError.at(1, column, "column.duplicate", header));
            }
        }
        for (Column column : columns) {
            if (column.required() && !positions.containsKey(column)) {
                errors.add(ImportError.at(1, column, "column.missing"));
            }
        }
        return new Headers(positions);
    }

    /** The cell under {@code column}, stripped; empty when the file has no such column. */
    String text(Table.Row row, Column column) {
        Integer position = positions.get(column);
        return position == null ? "" : row.cell(position).strip();
    }
}
