package ma.tadafor.data.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event of a participation mechanism in a commune, as a valid portal-feed item describes it.
 * Its identity is (source, {@code id}); {@code updatedAt} orders its versions.
 */
public record Activity(
        String id,
        Instant updatedAt,
        Mechanism mechanism,
        ActivityStatus status,
        LocalDate startDate,
        LocalDate endDate,
        LocalizedText title,
        Theme theme,
        Initiator initiator,
        List<ParticipationCell> participation,
        Funding funding,
        List<Association> associations,
        String indhProjectRef) {

    public Activity {
        participation = List.copyOf(participation);
        associations = List.copyOf(associations);
    }

    public long participants() {
        return participation.stream().mapToLong(ParticipationCell::count).sum();
    }
}
