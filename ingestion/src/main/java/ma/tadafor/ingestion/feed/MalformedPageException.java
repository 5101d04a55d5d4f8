package ma.tadafor.ingestion.feed;

/** A 200 answer whose body is not a feed page: the whole page fails, like a transient error. */
public class MalformedPageException extends RuntimeException {

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
