package ma.tadafor.dashboard.imports;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ma.tadafor.ingestion.upload.ImportError;

/** Words the errors of a refused file in the user's language, naming columns by that language's header. */
@Component
class ImportErrorMessages {

    private final MessageSource messages;

    ImportErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<Problem> of(List<ImportError> errors, Locale locale) {
        return errors.stream().map(error -> new Problem(error.row(),
                error.column() == null ? null : error.column().header(locale),
                messages.getMessage("imports.error." + error.code(), error.arguments().toArray(), error.code(), locale))).toList();
    }

    /** One error as the API and the page show it. */
    record Problem(int row, String column, String message) {
    }
}
