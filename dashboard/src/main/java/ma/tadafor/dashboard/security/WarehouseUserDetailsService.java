package ma.tadafor.dashboard.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import ma.tadafor.data.user.UserStore;

/** Users live in the warehouse, with their scope, so that every query can be limited by it. */
@Service
class WarehouseUserDetailsService implements UserDetailsService {

    private final UserStore users;

    WarehouseUserDetailsService(UserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username).map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
