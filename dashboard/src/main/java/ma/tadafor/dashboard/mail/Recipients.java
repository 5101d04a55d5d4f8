package ma.tadafor.dashboard.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.data.committee.CommitteeMember;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.mail.Subscription;
import ma.tadafor.data.mail.SubscriptionStore;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/**
 * Who receives what. A province's committee members with an address get its briefs and
 * reminders; a signed-in user gets what they subscribed to, within what their role may read: the
 * brief of a committee they read, reminders of a committee they keep, alerts if they manage the
 * programme. An address appears once per message, in the language first given for it.
 */
final class Recipients {

    private static final Set<UserRole> ALERTED = Set.of(UserRole.PROGRAMME, UserRole.ADMIN);

    private final CommitteeStore committees;
    private final SubscriptionStore subscriptions;
    private final UserStore users;

    Recipients(CommitteeStore committees, SubscriptionStore subscriptions, UserStore users) {
        this.committees = committees;
        this.subscriptions = subscriptions;
        this.users = users;
    }

    List<Recipient> ofBriefs(Territory province) {
        return merge(members(province), subscribers(Subscription::briefs,
                account -> account.role() != UserRole.COMMUNE && Committees.reads(account.scope(), province)));
    }

    List<Recipient> ofReminders(Territory province) {
        return merge(members(province), subscribers(Subscription::reminders, account -> Committees.manages(account, province)));
    }

    List<Recipient> ofAlerts() {
        return merge(List.of(), subscribers(Subscription::alerts, account -> ALERTED.contains(account.role())));
    }

    private List<Recipient> members(Territory province) {
        TerritorialScope committee = TerritorialScope.of(Set.of(), Set.of(province.code()), Set.of());
        return committees.members(committee, province.code()).stream().filter(member -> member.email() != null)
                .map(member -> new Recipient(member.email(), language(member))).toList();
    }

    private List<Recipient> subscribers(Predicate<Subscription> wants, Predicate<UserAccount> allowed) {
        List<Recipient> recipients = new ArrayList<>();
        for (Subscription subscription : subscriptions.all()) {
            Optional<UserAccount> account = users.find(subscription.username());
            if (wants.test(subscription) && account.filter(UserAccount::enabled).filter(allowed).isPresent()) {
                recipients.add(new Recipient(subscription.email(), subscription.lang()));
            }
        }
        return recipients;
    }

    private static String language(CommitteeMember member) {
        return member.lang() == null ? "fr" : member.lang();
    }

    private static List<Recipient> merge(List<Recipient> first, List<Recipient> then) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (List<Recipient> list : List.of(first, then)) {
            list.forEach(recipient -> byAddress.putIfAbsent(recipient.email().toLowerCase(Locale.ROOT), recipient));
        }
        return List.copyOf(byAddress.values());
    }
}
