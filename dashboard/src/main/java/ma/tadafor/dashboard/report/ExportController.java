package ma.tadafor.dashboard.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.security.SignedInUser;

/**
 * The national exports of API.md: donors' and the national consultation's files, for national
 * roles only since they cover every province. The IATI file is published: it is protected
 * whoever exports it; the consultation pack holds its reader's figures. Both also answer at
 * {@code /exports/…} for a signed-in browser (the results page links them), without asking for the
 * password again as the API's Basic sign-in would.
 */
@RestController
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** Committees' due dates are Moroccan days. */
    private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    private final IatiExport iati;
    private final ConsultationPack pack;
    private final AuditLog audit;

    ExportController(IatiExport iati, ConsultationPack pack, AuditLog audit) {
        this.iati = iati;
        this.pack = pack;
        this.audit = audit;
    }

    @GetMapping({"/api/v1/exports/iati", "/exports/iati"})
    @ApiResponse(responseCode = "200", description = "IATI 2.03 activity XML", content = @Content(mediaType = "application/xml"))
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROGRAMME', 'ADMIN')")
    @Operation(summary = "The results framework as IATI 2.03 activity XML", description = "Roles: NATIONAL, PROGRAMME, ADMIN. Published figures: protected whoever exports them.")
    ResponseEntity<byte[]> iati() {
        byte[] xml = iati.write(OffsetDateTime.now());
        audit.record("EXPORT", "iati", "IATI 2.03 activity, programme scope");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tadafor-iati.xml").build().toString())
                .body(xml);
    }

    @GetMapping({"/api/v1/exports/consultation-pack", "/exports/consultation-pack"})
    @ApiResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROGRAMME', 'ADMIN')")
    @Operation(summary = "The national consultation workbook (XLSX)", description = "Roles: NATIONAL, PROGRAMME, ADMIN; the reader's figures.")
    ResponseEntity<byte[]> consultationPack(@AuthenticationPrincipal SignedInUser user) {
        byte[] workbook = pack.write(user.scope(), Audience.of(user), LocalDate.now(MOROCCO));
        audit.record("EXPORT", "consultation-pack", "xlsx, provinces compared");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("tadafor-consultation-nationale.xlsx").build().toString())
                .body(workbook);
    }
}
