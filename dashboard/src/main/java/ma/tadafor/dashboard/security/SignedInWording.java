package ma.tadafor.dashboard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * How the pages name the signed-in user. Display names are typed once, in French, by the
 * administrator: an Arabic page names the user by their role and the places of their scope in
 * Arabic instead ("العامل — بني ملال"), never by the French text or the role's code. Templates reach
 * it as {@code @signedInWording}.
 */
@Component("signedInWording")
public class SignedInWording {

    private final Wording wording;
    private final TerritoryQueries territories;

    SignedInWording(Wording wording, TerritoryQueries territories) {
        this.wording = wording;
        this.territories = territories;
    }

    public String signedIn(SignedInUser user, Locale locale) {
        String role = wording.text("userRole." + user.account().role(), locale);
        if (!Wording.arabic(locale)) {
            return wording.text("home.signedIn", locale, user.account().displayName(), role);
        }
        List<String> places = places(user.scope(), locale);
        return places.isEmpty() ? wording.text("home.signedIn.role", locale, role)
                : wording.text("home.signedIn.scoped", locale, role, String.join("، ", places));
    }

    private List<String> places(TerritorialScope scope, Locale locale) {
        List<String> places = new ArrayList<>();
        if (scope.national()) {
            return places;
        }
        add(places, Territory.Level.REGION, scope.regions(), locale);
        add(places, Territory.Level.PROVINCE, scope.provinces(), locale);
        add(places, Territory.Level.COMMUNE, scope.communes(), locale);
        return places;
    }

    private void add(List<String> places, Territory.Level level, Set<String> codes, Locale locale) {
        codes.stream().sorted().forEach(code -> places.add(territories.find(level, code)
                .map(place -> Wording.name(place.nameFr(), place.nameAr(), locale)).orElse(code)));
    }
}
