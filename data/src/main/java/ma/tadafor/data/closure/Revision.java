package ma.tadafor.data.closure;

import java.util.List;

import ma.tadafor.data.mart.IndicatorActual;

/**
 * A figure of a closed semester whose current value differs from the approved one: an indicator's
 * actual in a scope ({@code indicatorCode}), or a breakdown of the province's participation
 * ({@code breakdown}: total, commune, mechanism, gender, ageBand, disability or role, with its value).
 * Both values are as the marts hold them, exact with their cell keys or share terms: the disclosure
 * layer publishes them. A participation count is an {@link IndicatorActual} of a count with its key.
 */
public record Revision(String kind, String indicatorCode, String scope, String breakdown, String breakdownValue,
                       IndicatorActual approved, IndicatorActual now, List<ChangedItem> items) {

    /** An item behind a revision: NEW, UPDATED or WITHDRAWN since the approval. */
    public record ChangedItem(String sourceId, String itemId, String change) {
    }
}
