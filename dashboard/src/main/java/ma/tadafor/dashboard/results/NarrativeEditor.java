package ma.tadafor.dashboard.results;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.framework.ResultsFrameworkStore;

/** The semester's comment on an indicator, written by programme managers from the results page; audited. */
@Service
class NarrativeEditor {

    static final int MAX_LENGTH = 4000;

    private final ResultsFrameworkStore framework;
    private final AuditLog audit;

    NarrativeEditor(ResultsFrameworkStore framework, AuditLog audit) {
        this.framework = framework;
        this.audit = audit;
    }

    /** @param scope a scope already checked against the author's */
    @PreAuthorize("hasRole('PROGRAMME')")
    void write(String code, String scope, String semester, String textFr, String textAr, String author) {
        framework.indicator(code).orElseThrow(() -> new InvalidParameterException("code", "no indicator " + code));
        for (String text : new String[] {textFr, textAr}) {
            if (text != null && text.length() > MAX_LENGTH) {
                throw new InvalidParameterException("narrative", "at most 4,000 characters per language");
            }
        }
        framework.setNarrative(code, scope, semester, blankToNull(textFr), blankToNull(textAr), author);
        audit.record("NARRATIVE_SET", code, scope + " " + semester);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
