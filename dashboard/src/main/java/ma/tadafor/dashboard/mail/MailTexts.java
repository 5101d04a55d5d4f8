package ma.tadafor.dashboard.mail;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The wording of messages, in the recipient's language, from the pages' messages ({@code mail.*}).
 * Arguments are passed as text, already written with Western digits, so that no locale rewrites them.
 */
final class MailTexts {

    private final MessageSource messages;

    MailTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String lang, String key, String... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag(lang));
    }
}
