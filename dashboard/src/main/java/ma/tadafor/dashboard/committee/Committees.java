package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.committee.CommitteeRequests.FollowUpRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.LinkRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MeetingRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MemberRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.NoteRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.RecommendationRequest;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.CommitteeMember;
import ma.tadafor.data.committee.CommitteeRole;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.FollowUpNote;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.MeetingBrief;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.committee.MeetingDocument;
import ma.tadafor.data.committee.MeetingKind;
import ma.tadafor.data.committee.MeetingMode;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.committee.RecommendationLink;
import ma.tadafor.data.committee.RecommendationStatus;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mail.EmailAddress;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;

/**
 * A province's steering committee as its users work with it. Anyone whose scope covers the
 * province reads it (national roles included); its governor, programme managers and
 * administrators change it. Names and contacts of members are for those who change it only.
 * Every change is audited.
 */
@Service
public class Committees {

    /** "Today" for due dates and follow-up notes is Morocco's. */
    public static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    private static final Set<UserRole> MANAGERS = Set.of(UserRole.GOVERNOR, UserRole.PROGRAMME, UserRole.ADMIN);
    private static final int TEXT = 4_000;
    private static final int MINUTES = 50_000;

    private final CommitteeStore store;
    private final MeetingBriefStore briefs;
    private final TerritoryQueries territories;
    private final ResultsFrameworkStore framework;
    private final AuditLog audit;

    Committees(CommitteeStore store, MeetingBriefStore briefs, TerritoryQueries territories, ResultsFrameworkStore framework,
            AuditLog audit) {
        this.store = store;
        this.briefs = briefs;
        this.territories = territories;
        this.framework = framework;
        this.audit = audit;
    }

    /** The province, if it exists (400 otherwise) and its committee is the caller's to read (403 otherwise). */
    public Territory province(String code, SignedInUser user) {
        return province("provinceCode", code, user);
    }

    /** The same, for a request that names the province in {@code parameter}. */
    public Territory province(String parameter, String code, SignedInUser user) {
        Territory province = territories.find(Territory.Level.PROVINCE, code).orElseThrow(() ->
                new InvalidParameterException(parameter, "no province has the code '" + code + "'"));
        if (!covers(user, province)) {
            throw new OutOfScopeException(parameter, code);
        }
        return province;
    }

    /** Whether the caller may change the committee of this province (and read its members' contacts). */
    public boolean manages(SignedInUser user, Territory province) {
        return manages(user.account(), province);
    }

    /** Whether this account may change the committee of this province. */
    public static boolean manages(UserAccount account, Territory province) {
        return MANAGERS.contains(account.role()) && reads(account.scope(), province);
    }

    /** Whether a scope reads the committee of this province: it covers the whole province. */
    public static boolean reads(TerritorialScope scope, Territory province) {
        return scope.national() || scope.regions().contains(province.regionCode()) || scope.provinces().contains(province.code());
    }

    /** The provinces of the programme whose committee the caller reads, in the order of their communes' codes. */
    public List<Territory> provinces(SignedInUser user) {
        return territories.communes(user.scope(), true).stream().map(Commune::provinceCode).distinct()
                .map(code -> territories.find(Territory.Level.PROVINCE, code).orElseThrow())
                .filter(province -> covers(user, province)).toList();
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    // ---- reads

    public List<CommitteeMember> members(String provinceCode, SignedInUser user) {
        Territory province = province(provinceCode, user);
        List<CommitteeMember> members = store.members(user.scope(), province.code());
        return manages(user, province) ? members : members.stream().map(CommitteeMember::withoutPerson).toList();
    }

    public List<MeetingView> meetings(String provinceCode, SignedInUser user) {
        Territory province = province(provinceCode, user);
        List<Recommendation> recommendations = store.recommendations(user.scope(), province.code());
        List<MeetingBrief> briefs = this.briefs.briefs(province.code());
        return store.meetings(user.scope(), province.code()).stream()
                .map(meeting -> MeetingView.of(meeting, recommendations, briefs, today())).toList();
    }

    public MeetingView meeting(String provinceCode, long id, SignedInUser user) {
        return meetings(provinceCode, user).stream().filter(meeting -> meeting.id() == id).findFirst()
                .orElseThrow(() -> notFound("meeting", id));
    }

    public List<RecommendationView> recommendations(String provinceCode, SignedInUser user) {
        Territory province = province(provinceCode, user);
        LocalDate today = today();
        return store.recommendations(user.scope(), province.code()).stream()
                .map(recommendation -> RecommendationView.of(recommendation, today)).toList();
    }

    /** The open recommendations due on {@code horizon} or before, overdue ones included, the earliest first. */
    public List<RecommendationView> dueBy(String provinceCode, LocalDate horizon, SignedInUser user) {
        Territory province = province(provinceCode, user);
        LocalDate today = today();
        return store.recommendations(user.scope(), province.code()).stream().filter(r -> r.dueBy(horizon))
                .sorted(Comparator.comparing(Recommendation::dueOn)).map(r -> RecommendationView.of(r, today)).toList();
    }

    public RecommendationView recommendation(String provinceCode, long id, SignedInUser user) {
        return recommendations(provinceCode, user).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> notFound("recommendation", id));
    }

    // ---- changes

    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public CommitteeMember addMember(String provinceCode, MemberRequest request, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        String email = optional("email", request.email(), EmailAddress.MAX_LENGTH);
        if (email != null && !EmailAddress.valid(email)) {
            throw new InvalidParameterException("email", "one address, such as name@example.ma");
        }
        String lang = optional("lang", request.lang(), 2);
        if (lang != null && !EmailAddress.LANGUAGES.contains(lang)) {
            throw new InvalidParameterException("lang", "fr or ar");
        }
        CommitteeMember member = new CommitteeMember(0, province.code(), required("institution", request.institution(), 200),
                value("role", request.role(), CommitteeRole.class), optional("personName", request.personName(), 200),
                optional("contact", request.contact(), 200), email, email == null ? lang : lang == null ? "fr" : lang);
        long id = store.addMember(member);
        audit.record("COMMITTEE_MEMBER_ADDED", target(province, "member", id), member.institution() + " " + member.role());
        return member.withId(id);
    }

    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public void removeMember(String provinceCode, long id, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        if (!store.removeMember(province.code(), id)) {
            throw notFound("member", id);
        }
        audit.record("COMMITTEE_MEMBER_REMOVED", target(province, "member", id), null);
    }

    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public MeetingView planMeeting(String provinceCode, MeetingRequest request, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        if (request.plannedOn() == null) {
            throw new InvalidParameterException("plannedOn", "the date the meeting is planned for is required");
        }
        Meeting meeting = merged(new Meeting(0, province.code(), value("kind", request.kind(), MeetingKind.class),
                value("mode", request.mode(), MeetingMode.class), request.plannedOn(), null, null, null, null,
                List.of(), List.of(), List.of()), request);
        long id = store.planMeeting(meeting);
        audit.record("MEETING_PLANNED", target(province, "meeting", id), meeting.kind() + " " + meeting.plannedOn());
        return meeting(province.code(), id, user);
    }

    /** Records what happened at a meeting, or changes its plan: only the fields sent change. */
    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public MeetingView recordMeeting(String provinceCode, long id, MeetingRequest request, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        Meeting existing = store.meeting(user.scope(), province.code(), id).orElseThrow(() -> notFound("meeting", id));
        Meeting meeting = merged(existing, request);
        store.saveMeeting(meeting);
        audit.record("MEETING_RECORDED", target(province, "meeting", id), changedFields(request));
        return meeting(province.code(), id, user);
    }

    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public RecommendationView addRecommendation(String provinceCode, RecommendationRequest request, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        if (request.meetingId() == null || store.meeting(user.scope(), province.code(), request.meetingId()).isEmpty()) {
            throw new InvalidParameterException("meetingId", "a meeting of this province's committee is required");
        }
        String textFr = optional("textFr", request.textFr(), TEXT);
        String textAr = optional("textAr", request.textAr(), TEXT);
        if (textFr == null && textAr == null) {
            throw new InvalidParameterException("text", "the recommendation in French, in Arabic, or both");
        }
        boolean dueNext = request.dueOn() == null || Boolean.TRUE.equals(request.dueNextMeeting());
        if (request.dueOn() != null && Boolean.TRUE.equals(request.dueNextMeeting())) {
            throw new InvalidParameterException("dueOn", "either a due date or the next meeting, not both");
        }
        List<RecommendationLink> links = links(province, request.links());
        Recommendation recommendation = new Recommendation(0, province.code(), request.meetingId(), null, textFr, textAr,
                required("ownerInstitution", request.ownerInstitution(), 200), dueNext ? null : request.dueOn(), dueNext,
                RecommendationStatus.PROPOSED, null, null, null, links, List.of());
        long id = store.addRecommendation(recommendation);
        audit.record("RECOMMENDATION_ADDED", target(province, "recommendation", id),
                "meeting " + request.meetingId() + ", owner " + recommendation.ownerInstitution());
        return recommendation(province.code(), id, user);
    }

    /**
     * Follows a recommendation up: a dated note with its evidence, a status change along the
     * life-cycle (always noted; DONE needs evidence), a new owner or due date.
     */
    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public RecommendationView followUp(String provinceCode, long id, FollowUpRequest request, SignedInUser user) {
        Territory province = managed(provinceCode, user);
        Recommendation current = store.recommendation(user.scope(), province.code(), id)
                .orElseThrow(() -> notFound("recommendation", id));
        RecommendationStatus status = request.status() == null ? current.status()
                : value("status", request.status(), RecommendationStatus.class);
        boolean statusChanges = status != current.status();
        if (statusChanges && !current.status().mayBecome(status)) {
            throw new InvalidParameterException("status", "a " + current.status() + " recommendation may become "
                    + (current.status().next().isEmpty() ? "nothing else: it is closed" : current.status().next().toString()));
        }
        if (!current.status().open() && request.note() == null) {
            throw new InvalidParameterException("status", "the recommendation is closed; only notes may be added");
        }
        NoteRequest noteRequest = request.note() == null && statusChanges ? new NoteRequest(null, "", null) : request.note();
        FollowUpNote note = null;
        if (noteRequest != null) {
            LocalDate notedOn = noteRequest.notedOn() == null ? today() : noteRequest.notedOn();
            if (notedOn.isAfter(today()) || notedOn.isBefore(current.issuedOn())) {
                throw new InvalidParameterException("note.notedOn", "between the meeting that issued it and today");
            }
            String text = optional("note.text", noteRequest.text(), TEXT);
            String evidence = optional("note.evidence", noteRequest.evidence(), 1_000);
            if (text == null && !statusChanges) {
                throw new InvalidParameterException("note.text", "what was done is required");
            }
            if (status == RecommendationStatus.DONE && statusChanges && evidence == null) {
                throw new InvalidParameterException("note.evidence", "closing a recommendation as DONE needs evidence");
            }
            note = new FollowUpNote(0, notedOn, text == null ? "" : text, evidence, statusChanges ? status : null,
                    user.getUsername(), null);
        }
        boolean dueNext = request.dueOn() != null ? false
                : request.dueNextMeeting() != null ? request.dueNextMeeting() : current.dueNextMeeting();
        LocalDate dueOn = request.dueOn() != null ? request.dueOn() : dueNext ? null : current.dueOn();
        if (!dueNext && dueOn == null) {
            throw new InvalidParameterException("dueOn", "a due date, or dueNextMeeting");
        }
        Recommendation changed = new Recommendation(id, province.code(), current.meetingId(), current.issuedOn(),
                request.textFr() == null ? current.textFr() : optional("textFr", request.textFr(), TEXT),
                request.textAr() == null ? current.textAr() : optional("textAr", request.textAr(), TEXT),
                request.ownerInstitution() == null ? current.ownerInstitution()
                        : required("ownerInstitution", request.ownerInstitution(), 200),
                dueOn, dueNext, status, statusChanges && !status.open() ? note.notedOn() : current.closedOn(),
                current.createdAt(), current.updatedAt(), current.links(), current.notes());
        store.followUp(changed, note);
        audit.record("RECOMMENDATION_FOLLOWED_UP", target(province, "recommendation", id),
                statusChanges ? current.status() + " -> " + status : note != null ? "note" : "changed");
        return recommendation(province.code(), id, user);
    }

    // ---- rules

    private Territory managed(String provinceCode, SignedInUser user) {
        Territory province = province(provinceCode, user);
        if (!manages(user, province)) {
            throw new OutOfScopeException("provinceCode", provinceCode);
        }
        return province;
    }

    private static boolean covers(SignedInUser user, Territory province) {
        return reads(user.scope(), province);
    }

    private Meeting merged(Meeting base, MeetingRequest request) {
        MeetingKind kind = request.kind() == null ? base.kind() : value("kind", request.kind(), MeetingKind.class);
        MeetingMode mode = request.mode() == null ? base.mode() : value("mode", request.mode(), MeetingMode.class);
        LocalDate plannedOn = request.plannedOn() == null ? base.plannedOn() : request.plannedOn();
        LocalDate heldOn = request.heldOn() == null ? base.heldOn() : request.heldOn();
        if (heldOn != null && heldOn.isAfter(today())) {
            throw new InvalidParameterException("heldOn", "a meeting cannot have been held after today");
        }
        return new Meeting(base.id(), base.provinceCode(), kind, mode, plannedOn, heldOn,
                request.place() == null ? base.place() : optional("place", request.place(), 200),
                request.minutesFr() == null ? base.minutesFr() : optional("minutesFr", request.minutesFr(), MINUTES),
                request.minutesAr() == null ? base.minutesAr() : optional("minutesAr", request.minutesAr(), MINUTES),
                request.agenda() == null ? base.agenda() : agenda(request.agenda()),
                request.attendance() == null ? base.attendance() : attendance(request.attendance()),
                request.documents() == null ? base.documents() : documents(request.documents()));
    }

    private static List<AgendaItem> agenda(List<AgendaItem> items) {
        List<AgendaItem> agenda = new ArrayList<>();
        for (AgendaItem item : items) {
            String fr = optional("agenda.textFr", item == null ? null : item.textFr(), TEXT);
            String ar = optional("agenda.textAr", item == null ? null : item.textAr(), TEXT);
            if (fr == null && ar == null) {
                throw new InvalidParameterException("agenda", "each item needs a text in French or in Arabic");
            }
            agenda.add(new AgendaItem(fr, ar));
        }
        return agenda;
    }

    private static List<Attendance> attendance(List<Attendance> rows) {
        Set<String> institutions = new HashSet<>();
        List<Attendance> attendance = new ArrayList<>();
        for (Attendance row : rows) {
            String institution = required("attendance.institution", row == null ? null : row.institution(), 200);
            if (!institutions.add(institution.toLowerCase(Locale.ROOT))) {
                throw new InvalidParameterException("attendance.institution", "'" + institution + "' is counted twice");
            }
            if (row.women() < 0 || row.men() < 0 || row.women() > 500 || row.men() > 500) {
                throw new InvalidParameterException("attendance", "women and men are counts from 0 to 500");
            }
            attendance.add(new Attendance(institution, row.women(), row.men()));
        }
        return attendance;
    }

    private static List<MeetingDocument> documents(List<MeetingDocument> rows) {
        List<MeetingDocument> documents = new ArrayList<>();
        for (MeetingDocument row : rows) {
            String title = required("documents.title", row == null ? null : row.title(), 200);
            String url = required("documents.url", row.url(), 1_000);
            // Only web addresses: a javascript: link would run in every reader's page.
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new InvalidParameterException("documents.url", "an http(s) address");
            }
            documents.add(new MeetingDocument(title, url));
        }
        return documents;
    }

    private List<RecommendationLink> links(Territory province, List<LinkRequest> requests) {
        List<RecommendationLink> links = new ArrayList<>();
        for (LinkRequest request : requests == null ? List.<LinkRequest>of() : requests) {
            RecommendationLink.Kind kind = value("links.kind", request.kind(), RecommendationLink.Kind.class);
            String ref = required("links.ref", request.ref(), 100);
            boolean known = switch (kind) {
                case COMMUNE -> territories.find(Territory.Level.COMMUNE, ref)
                        .filter(commune -> province.code().equals(commune.provinceCode())).isPresent();
                case INDICATOR -> framework.indicator(ref).isPresent();
                case INDH_PROJECT -> store.indhProjectOf(province.code(), ref);
            };
            if (!known) {
                throw new InvalidParameterException("links.ref", "no " + kind + " '" + ref + "' in province " + province.code());
            }
            links.add(new RecommendationLink(kind, ref));
        }
        return links;
    }

    private static <E extends Enum<E>> E value(String parameter, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String required(String parameter, String text, int max) {
        String value = optional(parameter, text, max);
        if (value == null) {
            throw new InvalidParameterException(parameter, "required");
        }
        return value;
    }

    private static String optional(String parameter, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw new InvalidParameterException(parameter, "at most " + max + " characters");
        }
        return text.strip();
    }

    private static String changedFields(MeetingRequest request) {
        List<String> fields = new ArrayList<>();
        if (request.heldOn() != null) {
            fields.add("heldOn " + request.heldOn());
        }
        if (request.plannedOn() != null) {
            fields.add("plannedOn " + request.plannedOn());
        }
        if (request.attendance() != null) {
            fields.add("attendance");
        }
        if (request.minutesFr() != null || request.minutesAr() != null) {
            fields.add("minutes");
        }
        if (request.agenda() != null) {
            fields.add("agenda");
        }
        if (request.documents() != null) {
            fields.add("documents");
        }
        return String.join(", ", fields);
    }

    private static String target(Territory province, String what, long id) {
        return "committee:" + province.code() + " " + what + ":" + id;
    }

    private static ResponseStatusException notFound(String what, long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id + " in this committee");
    }
}
