package ma.tadafor.dashboard.export;

import java.util.List;

/**
 * A table as the dashboard shows it, ready to download: {@code name} becomes the file name.
 * Cells are numbers, booleans, text or null.
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
