package ma.tadafor.data.committee;

/** A member's seat on the provincial steering committee (DOMAIN.md, section 2). */
public enum CommitteeRole {
    CHAIR,
    SECRETARIAT,
    COMMUNE,
    PROVINCIAL_DIVISION,
    INDH_COMMITTEE,
    ENABEL,
    NGO,
    SIMILAR_PROGRAMME
}
