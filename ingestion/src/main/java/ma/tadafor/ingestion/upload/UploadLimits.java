package ma.tadafor.ingestion.upload;

/**
 * How large an upload may be: past these, the file is refused whole with a message that says the limit.
 *
 * @param maxBytes the file's size
 * @param maxRows  data rows (the header not counted)
 */
public record UploadLimits(long maxBytes, int maxRows) {

    public UploadLimits {
        if (maxBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxRows + " rows");
        }
    }

    public static UploadLimits defaults() {
        return new UploadLimits(10L * 1024 * 1024, 50_000);
    }
}
