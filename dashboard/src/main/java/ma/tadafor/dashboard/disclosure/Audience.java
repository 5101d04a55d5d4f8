package ma.tadafor.dashboard.disclosure;

import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.user.UserRole;

/**
 * Who a figure is for: the administrator sees exact counts with every freedom of query; everyone
 * else, and every document that leaves the platform (the committee brief, the IATI file), gets
 * protected figures through the disclosure layer.
 */
public enum Audience {
    EXACT, PROTECTED;

    public static Audience of(SignedInUser user) {
        return user.account().role() == UserRole.ADMIN ? EXACT : PROTECTED;
    }

    public boolean exact() {
        return this == EXACT;
    }
}
