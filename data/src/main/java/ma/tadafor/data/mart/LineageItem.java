package ma.tadafor.data.mart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An item a figure is made of, as the marts counted it (as approved, in a closed semester): where it
 * came from (a pull run, or the audit entry of an upload), its version (the portal's
 * {@code updatedAt}), its total participants with their cell key, and what it adds to the figure
 * (for an indicator, its numerator and denominator terms; for participation, the participants of
 * its cells that pass the figure's filters) with its cells. Only the disclosure layer publishes the
 * counts: exact terms and cells for the administrator only.
 */
public record LineageItem(String sourceId, String itemId, Instant version, String runId, Long importId,
                          LocalDate startDate, String communeCode, String mechanism, ExactCount participants,
                          Double contribution, Double contributionDenominator, List<Cell> cells) {

    /** A participation cell of the item: gender, age band, disability (YES, NO, UNKNOWN), role. */
    public record Cell(String gender, String ageBand, String disability, String role, long participants) {
    }
}
