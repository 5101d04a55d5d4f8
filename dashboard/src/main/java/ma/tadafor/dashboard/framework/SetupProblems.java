package ma.tadafor.dashboard.framework;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.framework.SetupWorkbook.SetupError;

/** Words a refused workbook's errors in the user's language, each with the cell to look at. */
@Component
class SetupProblems {

    private final MessageSource messages;

    SetupProblems(MessageSource messages) {
        this.messages = messages;
    }

    List<Problem> of(List<SetupError> errors, Locale locale) {
        return errors.stream().map(error -> new Problem(error.reference(),
                error.field() == null ? null : messages.getMessage("programme.column." + error.field().key(), null, locale),
                messages.getMessage("programme.error." + error.code(), error.arguments().toArray(), error.code(), locale)))
                .toList();
    }

    /** One error as the page lists it: {@code cell} such as {@code Cibles!C7}, the column's header, the message. */
    record Problem(String cell, String column, String message) {
    }
}
