package ma.tadafor.dashboard.warehouse;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import ma.tadafor.data.WarehouseUnavailableException;

/**
 * Turns a warehouse that cannot be opened into Spring Boot's short "APPLICATION FAILED TO START"
 * report (what happened, what to do) instead of a page of nested bean-creation stack traces.
 */
class WarehouseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<WarehouseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WarehouseUnavailableException cause) {
        String action = cause.locked()
                ? "Only one application may open the warehouse. Stop the process named above, or set "
                        + "tadafor.warehouse.path to another file."
                : "Check that " + cause.file() + " is a DuckDB warehouse this process may read and write, on a disk with "
                        + "free space; restore a backup if it is damaged (docs/RELIABILITY.md).";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
