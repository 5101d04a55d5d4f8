package ma.tadafor.ingestion.simulator;

/** What goes wrong with a request before the portal looks at it: each fault takes its share of requests. */
enum RequestFault {

    /** The connection is closed without an answer. */
    RESET,
    TOO_MANY_REQUESTS,
    UNAVAILABLE,
    /** 200 with an HTML error page, as a misconfigured proxy or CMS answers. */
    HTML_PAGE;

    /** The fault of the request whose draw is {@code u}, uniform in [0, 1); null for none. */
    static RequestFault of(double u, SimulatorSettings settings) {
        double bound = settings.resetRate();
        if (u < bound) {
            return RESET;
        }
        bound += settings.tooManyRequestsRate();
        if (u < bound) {
            return TOO_MANY_REQUESTS;
        }
        bound += settings.unavailableRate();
        if (u < bound) {
            return UNAVAILABLE;
        }
        bound += settings.htmlRate();
        return u < bound ? HTML_PAGE : null;
    }
}
