package ma.tadafor.dashboard.report;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.territory.Territory;

/**
 * The committee brief (API.md): printed on demand for a province and a semester, or the one
 * prepared ahead of a meeting. Readers are those of the province's committee; each path is also
 * served under the pages' session (without {@code /api/v1}) for the meeting page's links.
 */
@RestController
class CommitteeBriefController {

    static final List<String> LANGUAGES = List.of("fr", "ar");

    private final Committees committees;
    private final CommitteeBriefs briefs;
    private final BriefSemesters semesters;
    private final MeetingBriefStore prepared;
    private final AuditLog audit;
    private final MessageSource messages;

    CommitteeBriefController(Committees committees, CommitteeBriefs briefs, BriefSemesters semesters,
            MeetingBriefStore prepared, AuditLog audit, MessageSource messages) {
        this.committees = committees;
        this.briefs = briefs;
        this.semesters = semesters;
        this.prepared = prepared;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping({"/api/v1/reports/committee-brief", "/committees/brief"})
    @ApiResponse(responseCode = "200", description = "the brief", content = @Content(mediaType = "application/pdf"))
    @Operation(summary = "The committee brief as PDF", description = "Roles: any signed-in user whose scope holds the province. `application/pdf`; 503 when the PDF printer (Chromium) is missing.")
    ResponseEntity<byte[]> brief(@Parameter(description = "a province code such as 05.091") @RequestParam String province,
            @Parameter(description = "a semester such as 2024S1; by default the latest with participation in the province, ended before today") @RequestParam(required = false) String semester,
            @Parameter(description = "`fr` or `ar`") @RequestParam(defaultValue = "fr") String lang, @AuthenticationPrincipal SignedInUser user) {
        Territory territory = committees.province("province", province.strip(), user);
        Semester covered = semester == null || semester.isBlank() ? semesters.before(territory, Committees.today())
                : ReportingScopes.semester("semester", semester);
        String language = language(lang);
        byte[] pdf = briefs.pdf(territory, covered, Locale.forLanguageTag(language), user.scope(), Committees.today());
        audit.record("EXPORT", "committee-brief:" + territory.code(), covered.code() + " " + language);
        return pdf("note-comite-" + territory.code() + "-" + covered.code() + "-" + language + ".pdf", pdf);
    }

    @ApiResponse(responseCode = "200", description = "the brief", content = @Content(mediaType = "application/pdf"))
    @GetMapping({"/api/v1/committees/{provinceCode}/meetings/{id}/briefs/{lang}", "/committees/{provinceCode}/meetings/{id}/briefs/{lang}"})
    @Operation(summary = "The brief prepared ahead of a meeting", description = "Roles: any signed-in user whose scope holds the province. `application/pdf`; 404 before it is prepared.")
    ResponseEntity<byte[]> prepared(@PathVariable String provinceCode, @PathVariable long id, @PathVariable String lang,
            @AuthenticationPrincipal SignedInUser user) {
        committees.meeting(provinceCode, id, user);
        String language = language(lang);
        byte[] pdf = prepared.pdf(id, language).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "meeting " + id + " has no brief in " + language));
        return pdf("note-comite-" + provinceCode + "-reunion-" + id + "-" + language + ".pdf", pdf);
    }

    /** Chromium missing, failing or busy: 503 with what to do, in the reader's language. */
    @ExceptionHandler(BriefUnavailableException.class)
    ProblemDetail unavailable(BriefUnavailableException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setProperty("cause", e.getMessage());
        return problem;
    }

    private static String language(String lang) {
        String language = lang.strip();
        if (!LANGUAGES.contains(language)) {
            throw new InvalidParameterException("lang", "'" + lang + "' is not one of " + LANGUAGES);
        }
        return language;
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }
}
