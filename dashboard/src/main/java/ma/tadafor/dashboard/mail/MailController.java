package ma.tadafor.dashboard.mail;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.dashboard.mail.Subscriptions.SubscriptionView;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mail.OutboxMessage;
import ma.tadafor.data.mail.OutboxStore;

/** Mail (API.md, "Reach"): a meeting's brief mailed on request, each user's subscriptions, the outbox. */
@RestController
class MailController {

    private final CommitteeMail committeeMail;
    private final Subscriptions subscriptions;
    private final OutboxStore outbox;

    MailController(CommitteeMail committeeMail, Subscriptions subscriptions, OutboxStore outbox) {
        this.committeeMail = committeeMail;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @PostMapping("/api/v1/committees/{provinceCode}/meetings/{id}/brief-mail")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail the meeting's brief to its committee now",
            description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; 202. Each member and subscriber gets the PDF in "
                    + "their language, once per meeting: {\"queued\": messages added to the outbox}.")
    Map<String, Integer> mailBrief(@PathVariable String provinceCode, @PathVariable long id,
                                   @AuthenticationPrincipal SignedInUser user) {
        return Map.of("queued", committeeMail.mailBrief(provinceCode, id, user));
    }

    @GetMapping("/api/v1/me/subscriptions")
    @Operation(summary = "What I receive by mail", description = "Roles: any signed-in user.")
    SubscriptionView subscriptions(@AuthenticationPrincipal SignedInUser user) {
        return subscriptions.of(user);
    }

    @PutMapping("/api/v1/me/subscriptions")
    @Operation(summary = "Choose what I receive by mail",
            description = "Roles: any signed-in user. {\"email\", \"lang\": fr or ar, \"briefs\", \"reminders\", \"alerts\"}; "
                    + "receiving anything needs an address.")
    SubscriptionView subscribe(@RequestBody SubscriptionView request, @AuthenticationPrincipal SignedInUser user) {
        return subscriptions.save(user, request);
    }

    @GetMapping("/api/v1/admin/outbox")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The outbox, newest first", description = "Roles: ADMIN. Every message with its state and attempts.")
    Items<OutboxMessage> outbox(@Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
                                @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int size) {
        ListPage rows = ListPage.of(page, size, 500);
        return new Items<>(outbox.page(rows.offset(), rows.size()));
    }
}
