package ma.tadafor.dashboard.api;

/** A request that explicitly asks for a territory outside the caller's scope: answered 403. */
public class OutOfScopeException extends RuntimeException {

    private final String parameter;

    public OutOfScopeException(String parameter, String code) {
        super(code + " is outside your territorial scope");
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
