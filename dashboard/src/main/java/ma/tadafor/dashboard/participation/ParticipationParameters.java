package ma.tadafor.dashboard.participation;

import ma.tadafor.data.mart.ParticipationDimension;

/**
 * The query string of {@code GET /api/v1/participation} (API.md), bound once per request: the
 * dimensions to group by, a filter per dimension (comma-separated values; one for everyone but
 * {@code ADMIN}), the period and the page. {@link ParticipationRequest} checks it into a
 * {@link ma.tadafor.data.mart.ParticipationQuery}.
 */
public record ParticipationParameters(String groupBy, String region, String province, String commune, String cohort,
                               String mechanism, String year, String semester, String gender, String ageBand,
                               String disability, String role, String from, String to, String page, String size) {

    /** The filter given for {@code dimension}, as written; null when none. */
    public String filter(ParticipationDimension dimension) {
        return switch (dimension) {
            case REGION -> region;
            case PROVINCE -> province;
            case COMMUNE -> commune;
            case COHORT -> cohort;
            case MECHANISM -> mechanism;
            case YEAR -> year;
            case SEMESTER -> semester;
            case GENDER -> gender;
            case AGE_BAND -> ageBand;
            case DISABILITY -> disability;
            case ROLE -> role;
        };
    }
}
