package ma.tadafor.dashboard.report;

import java.time.OffsetDateTime;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ma.tadafor.dashboard.audit.AuditLog;

/**
 * The national exports of API.md: donors' and the national consultation's files, for national
 * roles only since they cover every province.
 */
@RestController
class ExportController {

    private final IatiExport iati;
    private final AuditLog audit;

    ExportController(IatiExport iati, AuditLog audit) {
        this.iati = iati;
        this.audit = audit;
    }

    @GetMapping("/api/v1/exports/iati")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROGRAMME', 'ADMIN')")
    ResponseEntity<byte[]> iati() {
        byte[] xml = iati.write(OffsetDateTime.now());
        audit.record("EXPORT", "iati", "IATI 2.03 activity, programme scope");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tadafor-iati.xml").build().toString())
                .body(xml);
    }
}
