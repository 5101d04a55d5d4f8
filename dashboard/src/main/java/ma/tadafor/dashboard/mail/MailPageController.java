package ma.tadafor.dashboard.mail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.dashboard.mail.Subscriptions.SubscriptionView;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mail.OutboxStore;

/** The pages' side of mail: the committee page's "mail the brief" button, the account page's subscription form, the outbox page. */
@Controller
class MailPageController {

    private static final int PAGE_SIZE = 100;

    private final CommitteeMail committeeMail;
    private final Subscriptions subscriptions;
    private final OutboxStore outbox;

    MailPageController(CommitteeMail committeeMail, Subscriptions subscriptions, OutboxStore outbox) {
        this.committeeMail = committeeMail;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @PostMapping("/committees/{province}/meetings/{id}/brief-mail")
    String mailBrief(@PathVariable String province, @PathVariable long id, @AuthenticationPrincipal SignedInUser user,
                     RedirectAttributes redirect) {
        // as text: a number given to the Arabic message would be written in Arabic-Indic digits
        redirect.addFlashAttribute("mailed", String.valueOf(committeeMail.mailBrief(province, id, user)));
        return "redirect:/committees/" + province;
    }

    @PostMapping("/account/subscriptions")
    String subscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String lang,
                     @RequestParam(defaultValue = "false") boolean briefs, @RequestParam(defaultValue = "false") boolean reminders,
                     @RequestParam(defaultValue = "false") boolean alerts, @AuthenticationPrincipal SignedInUser user,
                     RedirectAttributes redirect) {
        try {
            subscriptions.save(user, new SubscriptionView(email, lang, briefs, reminders, alerts));
            redirect.addFlashAttribute("subscribed", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("subscriptionRefusal", e.parameter() + " : " + e.getMessage());
        }
        return "redirect:/account";
    }

    @GetMapping("/admin/outbox")
    @PreAuthorize("hasRole('ADMIN')")
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        ListPage rows = ListPage.of(page, PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("messages", outbox.page(rows.offset(), rows.size()));
        model.addAttribute("page", rows.page());
        model.addAttribute("pageSize", PAGE_SIZE);
        return "admin/outbox";
    }
}
