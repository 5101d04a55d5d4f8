package ma.tadafor.ingestion.portal;

/**
 * The portal refused the source for good (401/403: token wrong or revoked; 404: wrong base URL):
 * retrying cannot help, so the source stops at once and an administrator is told why.
 */
public class SourceRejectedException extends RuntimeException {

    public SourceRejectedException(String message) {
        super(message);
    }
}
