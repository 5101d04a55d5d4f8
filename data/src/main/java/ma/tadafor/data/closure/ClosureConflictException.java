package ma.tadafor.data.closure;

/** A closure asked for what its state does not allow: a second one of a semester, an approval of an approved one. */
public class ClosureConflictException extends RuntimeException {

    public ClosureConflictException(String message) {
        super(message);
    }
}
