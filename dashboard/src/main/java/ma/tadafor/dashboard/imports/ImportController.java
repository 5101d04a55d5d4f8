package ma.tadafor.dashboard.imports;

import java.util.List;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.ingestion.upload.ImportKind;
import ma.tadafor.ingestion.upload.ImportRejectedException;
import ma.tadafor.ingestion.upload.UploadFiles;

/** {@code POST /api/v1/imports}: activity files and INDH project lists (API.md), and their templates. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;
    private final ImportErrorMessages messages;

    ImportController(Imports imports, ImportErrorMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV or XLSX file", description = "Roles: COMMUNE (their commune), PROGRAMME, ADMIN for activities; PROGRAMME, ADMIN for INDH projects. Multipart `file` and `kind`; a file with any invalid row writes nothing and answers 422 `{errors: [{row, column, message}]}`.")
    ImportSummary upload(@RequestParam(required = false) MultipartFile file, @RequestParam ImportKind kind,
                         @RequestParam(required = false) String communeCode, @AuthenticationPrincipal SignedInUser user) {
        return kind == ImportKind.ACTIVITIES
                ? imports.importActivities(user, communeCode, file) : imports.importIndhProjects(user, file);
    }

    /** The newest uploads the user may see, in API.md's list shape. */
    @GetMapping
    @Operation(summary = "The upload history", description = "Roles: COMMUNE (their communes), PROGRAMME, ADMIN. The newest 50 uploads: who, when, file, commune, rows accepted and set aside, IMPORTED or REFUSED.")
    Items<UploadHistory.Upload> history(@AuthenticationPrincipal SignedInUser user) {
        return new Items<>(imports.history(user));
    }

    /** The template of a kind of file, in French or Arabic ({@code ?lang=ar}, or the user's language). */
    @GetMapping("/templates/{kind}")
    @Operation(summary = "The template of a kind of file", description = "Roles: any signed-in user. XLSX in French, or Arabic with `?lang=ar`.")
    ResponseEntity<byte[]> template(@PathVariable ImportKind kind, Locale locale) {
        return templateFile(kind, locale);
    }

    /** A refused file: problem+json like every refusal, its rows' errors in {@code errors} as API.md gives them. */
    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e, Locale locale) {
        List<ImportErrorMessages.Problem> errors = messages.of(e.errors(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() + " error(s) in the file: nothing was written");
        problem.setProperty("errors", errors);
        return problem;
    }

    static ResponseEntity<byte[]> templateFile(ImportKind kind, Locale locale) {
        String language = Wording.arabic(locale) ? "ar" : "fr";
        String name = (kind == ImportKind.ACTIVITIES ? "activites" : "projets-indh") + "-modele-" + language + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(UploadFiles.template(kind, locale));
    }
}
