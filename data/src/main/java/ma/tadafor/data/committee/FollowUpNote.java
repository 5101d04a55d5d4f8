package ma.tadafor.data.committee;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What was done about a recommendation, dated by the person reporting it, with evidence (a
 * reference or address) and the status it moved the recommendation to, if any.
 */
public record FollowUpNote(long id, LocalDate notedOn, String text, String evidence, RecommendationStatus status,
                           String author, Instant recordedAt) {
}
