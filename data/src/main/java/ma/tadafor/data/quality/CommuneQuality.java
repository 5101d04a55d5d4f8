package ma.tadafor.data.quality;

import java.time.Instant;

import ma.tadafor.data.mart.ExactCount;

/**
 * Data quality of one commune's figures, from the last mart refresh: unknown values, how late
 * activities are published and arrive, and how fresh its sources are ({@code hoursSinceSuccess}
 * null when no source ever succeeded). The counts of persons are exact: the disclosure layer
 * publishes them and the shares of unknown values made of them.
 */
public record CommuneQuality(String communeCode, String nameFr, String nameAr, String provinceCode, String cohort,
                             long activities, long undatedActivities, ExactCount participants,
                             ExactCount unknownGender, ExactCount unknownAge, ExactCount unknownDisability,
                             Double medianReportDelayDays, Double medianArrivalDelayDays, Instant lastUpdatedAt,
                             long sources, Instant lastSuccessAt, Long hoursSinceSuccess) {

    /** Sources are pulled daily: three days without a successful pull is stale (assumed). */
    public static final long STALE_AFTER_HOURS = 72;

    public boolean stale() {
        return hoursSinceSuccess != null && hoursSinceSuccess > STALE_AFTER_HOURS;
    }
}
