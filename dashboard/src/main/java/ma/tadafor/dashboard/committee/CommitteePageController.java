package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.closure.Closures;
import ma.tadafor.dashboard.committee.CommitteeRequests.FollowUpRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.LinkRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MeetingRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MemberRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.NoteRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.RecommendationRequest;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureConflictException;
import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.CommitteeRole;
import ma.tadafor.data.committee.MeetingDocument;
import ma.tadafor.data.committee.RecommendationLink;
import ma.tadafor.data.committee.RecommendationStatus;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The committee's pages: a province's committee (members, meetings, recommendations), a meeting
 * (agenda with what is carried forward, attendance, minutes, its recommendations) and a
 * recommendation's follow-up. Forms go through {@link Committees}, like the API; a refused form
 * comes back to its page with the reason.
 */
@Controller
class CommitteePageController {

    /** Blank attendance rows offered beyond the committee's institutions. */
    private static final int SPARE_ROWS = 3;

    private final Committees committees;
    private final TerritoryQueries territories;
    private final Closures closures;
    private final ClosureReadings closureReadings;

    CommitteePageController(Committees committees, TerritoryQueries territories, Closures closures,
            ClosureReadings closureReadings) {
        this.committees = committees;
        this.territories = territories;
        this.closures = closures;
        this.closureReadings = closureReadings;
    }

    /** The provinces whose committee the caller reads; straight to it when there is one. */
    @GetMapping("/committees")
    String index(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<Territory> provinces = committees.provinces(user);
        if (provinces.size() == 1) {
            return "redirect:/committees/" + provinces.get(0).code();
        }
        model.addAttribute("provinces", provinces);
        return "committees/index";
    }

    @GetMapping("/committees/{province}")
    String committee(@PathVariable String province, @AuthenticationPrincipal SignedInUser user, Locale locale,
                     Model model) {
        Territory territory = common(province, user, model);
        Audience audience = Audience.of(user);
        model.addAttribute("closures", closures.list(province, null, user).stream().map(closure -> ClosureView.of(closure,
                closureReadings.seal(closure), closure.status() == Closure.Status.APPROVED
                        ? closureReadings.revisions(closure.id(), audience, locale) : List.of(), Committees.ZONE)).toList());
        model.addAttribute("mayPropose", Closures.mayPropose(user));
        model.addAttribute("mayApprove", Closures.mayApprove(user));
        model.addAttribute("mayReopen", Closures.mayReopen(user));
        model.addAttribute("exactFigures", audience.exact());
        model.addAttribute("members", committees.members(province, user));
        model.addAttribute("meetings", committees.meetings(province, user));
        model.addAttribute("recommendations", committees.recommendations(province, user));
        model.addAttribute("roles", CommitteeRole.values());
        model.addAttribute("territory", territory);
        return "committees/committee";
    }

    @GetMapping("/committees/{province}/meetings/{id}")
    String meeting(@PathVariable String province, @PathVariable long id, @AuthenticationPrincipal SignedInUser user,
                   Model model) {
        common(province, user, model);
        MeetingView meeting = committees.meeting(province, id, user);
        List<Attendance> rows = new ArrayList<>(meeting.attendance());
        committees.members(province, user).stream().map(member -> member.institution()).distinct()
                .filter(institution -> rows.stream().noneMatch(row -> row.institution().equals(institution)))
                .forEach(institution -> rows.add(new Attendance(institution, 0, 0)));
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new Attendance("", 0, 0));
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("attendanceRows", rows);
        model.addAttribute("communes", territories.communes(user.scope(), true).stream()
                .filter(commune -> commune.provinceCode().equals(province)).toList());
        return "committees/meeting";
    }

    @GetMapping("/committees/{province}/recommendations/{id}")
    String recommendation(@PathVariable String province, @PathVariable long id, @AuthenticationPrincipal SignedInUser user,
                          Model model) {
        common(province, user, model);
        RecommendationView recommendation = committees.recommendation(province, id, user);
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("nextStatuses", recommendation.status().next().stream().sorted().toList());
        return "committees/recommendation";
    }

    @PostMapping("/committees/{province}/members")
    String addMember(@PathVariable String province, @RequestParam(required = false) String institution,
                     @RequestParam(required = false) String role, @RequestParam(required = false) String personName,
                     @RequestParam(required = false) String contact, @RequestParam(required = false) String email,
                     @RequestParam(required = false) String lang, @AuthenticationPrincipal SignedInUser user,
                     RedirectAttributes redirect) {
        String back = "redirect:/committees/" + province;
        return attempt(back, redirect, () -> committees.addMember(province,
                new MemberRequest(institution, role, personName, contact, email, lang), user));
    }

    @PostMapping("/committees/{province}/members/{id}/remove")
    String removeMember(@PathVariable String province, @PathVariable long id, @AuthenticationPrincipal SignedInUser user,
                        RedirectAttributes redirect) {
        return attempt("redirect:/committees/" + province, redirect, () -> committees.removeMember(province, id, user));
    }

    @PostMapping("/committees/{province}/meetings")
    String planMeeting(@PathVariable String province, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String mode,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
                       @RequestParam(required = false) String place, @RequestParam(required = false) String agendaFr,
                       @RequestParam(required = false) String agendaAr, @AuthenticationPrincipal SignedInUser user,
                       RedirectAttributes redirect) {
        List<AgendaItem> agenda = agenda(agendaFr, agendaAr);
        String[] planned = new String[1];
        String outcome = attempt("redirect:/committees/" + province, redirect, () -> planned[0] = String.valueOf(
                committees.planMeeting(province, new MeetingRequest(kind, mode, plannedOn, null, place, null, null, agenda,
                        null, null), user).id()));
        return planned[0] == null ? outcome : "redirect:/committees/" + province + "/meetings/" + planned[0];
    }

    @PostMapping("/committees/{province}/meetings/{id}")
    String recordMeeting(@PathVariable String province, @PathVariable long id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                         @RequestParam(required = false) String mode, @RequestParam(required = false) String place,
                         @RequestParam(required = false) List<String> institution,
                         @RequestParam(required = false) List<String> women, @RequestParam(required = false) List<String> men,
                         @RequestParam(required = false) String minutesFr, @RequestParam(required = false) String minutesAr,
                         @RequestParam(required = false) String documentTitle, @RequestParam(required = false) String documentUrl,
                         @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        String back = "redirect:/committees/" + province + "/meetings/" + id;
        return attempt(back, redirect, () -> {
            MeetingView current = committees.meeting(province, id, user);
            List<MeetingDocument> documents = new ArrayList<>(current.documents());
            if (documentUrl != null && !documentUrl.isBlank()) {
                documents.add(new MeetingDocument(documentTitle, documentUrl.strip()));
            }
            committees.recordMeeting(province, id, new MeetingRequest(null, mode, null, heldOn, place,
                    minutesFr == null ? null : minutesFr.isBlank() ? "" : minutesFr,
                    minutesAr == null ? null : minutesAr.isBlank() ? "" : minutesAr, null,
                    attendance(institution, women, men), documents), user);
        });
    }

    @PostMapping("/committees/{province}/meetings/{id}/recommendations")
    String addRecommendation(@PathVariable String province, @PathVariable long id,
                             @RequestParam(required = false) String textFr, @RequestParam(required = false) String textAr,
                             @RequestParam(required = false) String ownerInstitution,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                             @RequestParam(required = false) List<String> commune,
                             @RequestParam(required = false) String indicators,
                             @RequestParam(required = false) String indhProjects,
                             @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        List<LinkRequest> links = new ArrayList<>();
        (commune == null ? List.<String>of() : commune).forEach(code -> links.add(new LinkRequest("COMMUNE", code)));
        codes(indicators).forEach(code -> links.add(new LinkRequest(RecommendationLink.Kind.INDICATOR.name(), code)));
        codes(indhProjects).forEach(code -> links.add(new LinkRequest(RecommendationLink.Kind.INDH_PROJECT.name(), code)));
        return attempt("redirect:/committees/" + province + "/meetings/" + id, redirect, () -> committees.addRecommendation(
                province, new RecommendationRequest(id, textFr, textAr, ownerInstitution, dueOn, null, links), user));
    }

    @PostMapping("/committees/{province}/recommendations/{id}")
    String followUp(@PathVariable String province, @PathVariable long id, @RequestParam(required = false) String status,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notedOn,
                    @RequestParam(required = false) String text, @RequestParam(required = false) String evidence,
                    @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        boolean noted = text != null && !text.isBlank() || evidence != null && !evidence.isBlank();
        return attempt("redirect:/committees/" + province + "/recommendations/" + id, redirect, () -> committees.followUp(
                province, id, new FollowUpRequest(status == null || status.isBlank() ? null : status, null, null, null, null,
                        null, noted || status != null && !status.isBlank() ? new NoteRequest(notedOn, text, evidence) : null),
                user));
    }

    /** Proposes closing a semester of the province: its committee approves the figures as they will be then. */
    @PostMapping("/committees/{province}/closures")
    String proposeClosure(@PathVariable String province, @RequestParam(required = false) String semester,
                          @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return attempt("redirect:/committees/" + province + "#closures", redirect,
                () -> closures.propose(province, semester == null ? null : semester.strip(), user));
    }

    @PostMapping("/committees/{province}/closures/{id}/approve")
    String approveClosure(@PathVariable String province, @PathVariable long id, @AuthenticationPrincipal SignedInUser user,
                          RedirectAttributes redirect) {
        return attempt("redirect:/committees/" + province + "#closures", redirect, () -> closures.approve(
                closureOf(province, id, user).id(), user));
    }

    @PostMapping("/committees/{province}/closures/{id}/reopen")
    String reopenClosure(@PathVariable String province, @PathVariable long id, @RequestParam(required = false) String reason,
                         @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return attempt("redirect:/committees/" + province + "#closures", redirect, () -> closures.reopen(
                closureOf(province, id, user).id(), reason, user));
    }

    /** A closure of this province that the caller reads; one of another province is not found here. */
    private Closure closureOf(String province, long id, SignedInUser user) {
        Closure closure = closures.readable(id, user);
        if (!closure.provinceCode().equals(province)) {
            throw new InvalidParameterException("id", "closure " + id + " is not of province " + province);
        }
        return closure;
    }

    private Territory common(String province, SignedInUser user, Model model) {
        Territory territory = committees.province(province, user);
        model.addAttribute("province", territory);
        model.addAttribute("manages", committees.manages(user, territory));
        model.addAttribute("today", Committees.today());
        model.addAttribute("statuses", RecommendationStatus.values());
        return territory;
    }

    /** Runs a change; a refusal for bad input comes back to the page as a message. */
    private static String attempt(String back, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("refusal", e.parameter() + " : " + e.getMessage());
        } catch (ClosureConflictException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return back;
    }

    /** One agenda item per line; the French and Arabic lines go together by position. */
    private static List<AgendaItem> agenda(String fr, String ar) {
        List<String> frLines = lines(fr);
        List<String> arLines = lines(ar);
        List<AgendaItem> items = new ArrayList<>();
        for (int i = 0; i < Math.max(frLines.size(), arLines.size()); i++) {
            items.add(new AgendaItem(i < frLines.size() ? frLines.get(i) : null, i < arLines.size() ? arLines.get(i) : null));
        }
        return items;
    }

    private static List<Attendance> attendance(List<String> institutions, List<String> women, List<String> men) {
        List<Attendance> rows = new ArrayList<>();
        for (int i = 0; institutions != null && i < institutions.size(); i++) {
            int w = count("women", women, i);
            int m = count("men", men, i);
            if (!institutions.get(i).isBlank() && w + m > 0) {
                rows.add(new Attendance(institutions.get(i), w, m));
            }
        }
        return rows;
    }

    private static int count(String parameter, List<String> values, int i) {
        String value = values == null || i >= values.size() ? "" : values.get(i).strip();
        try {
            return value.isEmpty() ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("attendance", "'" + value + "' is not a count of " + parameter);
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> codes(String text) {
        return text == null ? List.of() : List.of(text.split("[,;\\s]+")).stream()
                .filter(code -> !code.isEmpty()).toList();
    }
}
