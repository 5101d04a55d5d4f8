package ma.tadafor.data.user;

/** The platform's roles (API.md); the first three see every region. */
public enum UserRole {
    ADMIN,
    PROGRAMME,
    NATIONAL,
    GOVERNOR,
    COMMUNE;

    public boolean seesAllRegions() {
        return this == ADMIN || this == PROGRAMME || this == NATIONAL;
    }
}
