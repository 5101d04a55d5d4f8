package ma.tadafor.ingestion.pull;

/** A run was asked for a source that does not exist. */
public class UnknownSourceException extends RuntimeException {

    private final String sourceId;

    public UnknownSourceException(String sourceId) {
        super("no source has the id " + sourceId);
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }
}
