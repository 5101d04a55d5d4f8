package ma.tadafor.ingestion.upload;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong in an uploaded file, where. {@code code} names the rule (the application words it
 * in the user's language, with {@code arguments}); {@code row} is the spreadsheet's row number
 * (the header is row 1; 0 for the file as a whole) and {@code column} is null when no one column is at fault.
 */
public record ImportError(int row, Column column, String code, List<String> arguments) {

    public ImportError {
        arguments = List.copyOf(arguments);
    }

    static ImportError ofFile(String code, Object... arguments) {
        return new ImportError(0, null, code, texts(arguments));
    }

    static ImportError at(int row, Column column, String code, Object... arguments) {
        return new ImportError(row, column, code, texts(arguments));
    }

    private static List<String> texts(Object... arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toList();
    }
}
