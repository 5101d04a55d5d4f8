package ma.tadafor.data.user;

import java.util.Set;

import ma.tadafor.data.territory.TerritorialScope;

/**
 * A person who signs in, with the territories bound to them (regions, provinces or communes;
 * ignored for roles that see every region). The password is only ever held hashed.
 */
public record UserAccount(
        String username,
        String displayName,
        UserRole role,
        String passwordHash,
        boolean enabled,
        Set<String> regions,
        Set<String> provinces,
        Set<String> communes) {

    public UserAccount {
        regions = Set.copyOf(regions);
        provinces = Set.copyOf(provinces);
        communes = Set.copyOf(communes);
    }

    public TerritorialScope scope() {
        return role.seesAllRegions() ? TerritorialScope.NATIONAL : TerritorialScope.of(regions, provinces, communes);
    }
}
