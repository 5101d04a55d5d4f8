package ma.tadafor.ingestion.portal;

/** The portal kept failing transiently until the attempts ran out; the next run tries again. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
