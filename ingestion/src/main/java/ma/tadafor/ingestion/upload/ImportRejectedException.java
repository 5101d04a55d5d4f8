package ma.tadafor.ingestion.upload;

import java.util.List;

/** A file with at least one error: nothing of it was written. Carries every error found. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportError> errors;

    ImportRejectedException(List<ImportError> errors) {
        super(errors.size() + " error(s) in the file, first: " + errors.get(0), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
