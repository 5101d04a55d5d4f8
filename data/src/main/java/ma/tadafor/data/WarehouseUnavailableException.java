package ma.tadafor.data;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse file could not be opened: most often because another process holds it (DuckDB
 * allows one writing process per file, and names the holder), else for the reason DuckDB gives.
 */
public final class WarehouseUnavailableException extends IllegalStateException {

    /** DuckDB's words for a file another process holds: "Conflicting lock is held in <program> (PID n) by user u." */
    private static final Pattern HOLDER = Pattern.compile("Conflicting lock is held in (.+?)(?:\\. See also .*)?$", Pattern.DOTALL);

    private final Path file;
    private final boolean locked;

    private WarehouseUnavailableException(String message, Path file, boolean locked, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.locked = locked;
    }

    static WarehouseUnavailableException of(Path file, Throwable failure) {
        String reason = rootMessage(failure);
        Matcher holder = HOLDER.matcher(reason);
        if (reason.contains("Could not set lock") && holder.find()) {
            return new WarehouseUnavailableException("the warehouse file " + file + " is held by another process: "
                    + holder.group(1).strip(), file, true, failure);
        }
        return new WarehouseUnavailableException("the warehouse file " + file + " cannot be opened: " + reason, file, false,
                failure);
    }

    public Path file() {
        return file;
    }

    /** Whether another process holds the file (rather than it being unreadable or damaged). */
    public boolean locked() {
        return locked;
    }

    private static String rootMessage(Throwable failure) {
        Throwable reason = failure;
        while (reason.getCause() != null && !(reason instanceof SQLException)) {
            reason = reason.getCause();
        }
        return String.valueOf(reason.getMessage()).strip();
    }
}
