package ma.tadafor.data.activity;

/** The public-policy theme an activity is about; also used to match INDH projects. */
public enum Theme {
    EDUCATION,
    HEALTH,
    INFRASTRUCTURE,
    WATER_SANITATION,
    ENVIRONMENT,
    YOUTH_SPORT_CULTURE,
    ECONOMIC_INCLUSION,
    SOCIAL_PROTECTION,
    GOVERNANCE,
    OTHER
}
