package ma.tadafor.ingestion.pull;

import ma.tadafor.ingestion.portal.SourceRejectedException;
import ma.tadafor.ingestion.portal.SourceUnavailableException;

/** Why a source's pull failed, in the words an administrator needs. */
final class FailureReason {

    private FailureReason() {
    }

    /**
     * The connector's own words when it gave up on the portal (they name the attempts), else the
     * root cause: whatever wrapped it ("Unable to process chunk") says nothing of the portal.
     */
    static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && !(cause instanceof SourceUnavailableException || cause instanceof SourceRejectedException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
