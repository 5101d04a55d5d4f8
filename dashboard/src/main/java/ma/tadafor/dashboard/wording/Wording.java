package ma.tadafor.dashboard.wording;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.period.Semester;


/**
 * The one place that words the dashboard: a message in the reader's language, a name in it, and
 * whether that language is Arabic (read right to left). Numbers given to a message are written by
 * {@link Numbers}, never by the message format, which would write Arabic-Indic digits in Arabic.
 * Templates reach it as {@code @wording}.
 */
@Component("wording")
public class Wording {

    private final MessageSource messages;

    public Wording(MessageSource messages) {
        this.messages = messages;
    }

    public static boolean arabic(Locale locale) {
        return locale != null && "ar".equals(locale.getLanguage());
    }

    /**
     * The locale a reader's language is written in: Arabic with Western digits ({@code ar-u-nu-latn}),
     * so that whatever formats a number with it (a message's argument, a date) never writes
     * Arabic-Indic digits; French as it is.
     */
    public static Locale written(Locale locale) {
        return arabic(locale) ? new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build() : locale;
    }

    /** {@code fr} or {@code ar} as {@link #written(Locale)}. */
    public static Locale of(String language) {
        return written(Locale.forLanguageTag(language));
    }

    /** The message {@code key} (the key itself when missing), its numeric arguments written by {@link Numbers}. */
    public String text(String key, Locale locale, Object... arguments) {
        Object[] written = arguments.length == 0 ? null : Arrays.stream(arguments)
                .map(a -> a instanceof Long || a instanceof Integer ? Numbers.count(((Number) a).longValue())
                        : a instanceof Number n ? Numbers.decimal(n, 1) : a)
                .toArray();
        return messages.getMessage(key, written, key, locale);
    }

    /** The message {@code key}, or {@code fallback} when there is none. */
    public String textOr(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** A name in the reader's language: the Arabic one where there is one and the reader reads Arabic. */
    public static String name(String french, String arabic, Locale locale) {
        return arabic(locale) && arabic != null && !arabic.isBlank() ? arabic : french != null ? french : arabic;
    }

    /**
     * A semester as the reader says it: {@code 2025S1} is "1er semestre 2025" in French and
     * "الأسدس الأول 2025" in Arabic (there, the year between isolates); a text that is no semester code as it is.
     */
    public String semester(String code, Locale locale) {
        return Semester.parse(code).map(semester -> semester(semester, locale)).orElse(code);
    }

    public String semester(Semester semester, Locale locale) {
        String year = Integer.toString(semester.year());
        return text("semester.half" + semester.half(), locale, arabic(locale) ? Numbers.isolated(year) : year);
    }

    // Templates: the same rules as the code's.

    public String figure(Number value, String unit) {
        return Numbers.figure(value, unit);
    }

    public String count(Number value) {
        return value == null ? Numbers.NONE : Numbers.count(value.longValue());
    }

    public String decimal(Number value, int decimals) {
        return Numbers.decimal(value, decimals);
    }

    public String percent(Number value) {
        return Numbers.percent(value);
    }
}
