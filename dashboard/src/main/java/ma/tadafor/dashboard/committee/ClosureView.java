package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;

import ma.tadafor.dashboard.closure.RevisionLine;
import ma.tadafor.dashboard.closure.Seal;
import ma.tadafor.data.closure.Closure;

/**
 * A semester closure as the committee page shows it: its state, who proposed, approved or reopened
 * it and on which day (Morocco's), the reason of a reopening, and the revisions since approval.
 */
record ClosureView(Closure closure, LocalDate proposedOn, Seal seal, LocalDate reopenedOn, List<RevisionLine> revisions) {

    static ClosureView of(Closure closure, Seal seal, List<RevisionLine> revisions, ZoneId zone) {
        return new ClosureView(closure, day(closure.proposedAt(), zone), seal, day(closure.reopenedAt(), zone), revisions);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
