package ma.tadafor.data.activity;

/** In which capacity people took part. */
public enum Role {
    CITIZEN,
    ASSOCIATION_MEMBER,
    ELECTED_OFFICIAL,
    COMMUNE_STAFF,
    OTHER
}
