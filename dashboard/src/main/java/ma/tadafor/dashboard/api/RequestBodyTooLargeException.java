package ma.tadafor.dashboard.api;

import org.springframework.util.unit.DataSize;

/** A request body past {@code tadafor.request-body.max-size}: answered 413, naming the limit. */
public class RequestBodyTooLargeException extends RuntimeException {

    private final DataSize limit;

    public RequestBodyTooLargeException(DataSize limit) {
        super("the request body is larger than the " + limit.toBytes() + " bytes allowed");
        this.limit = limit;
    }

    public long limitBytes() {
        return limit.toBytes();
    }
}
