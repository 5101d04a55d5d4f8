package ma.tadafor.dashboard.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.user.UserAccount;

/** The authenticated principal: a warehouse user with their role and territorial scope. */
public final class SignedInUser implements UserDetails {

    private final UserAccount account;

    SignedInUser(UserAccount account) {
        this.account = account;
    }

    public UserAccount account() {
        return account;
    }

    public TerritorialScope scope() {
        return account.scope();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
