package ma.tadafor.ingestion.upload;

import java.util.Locale;

/**
 * A column of an upload file. A file's header may name it by its {@code key} (the feed's field
 * name) or by its French or Arabic header, so that either template can be filled in and sent back.
 *
 * @param format how to fill it in, per language (shown on the template's instructions sheet)
 */
public record Column(String key, String fr, String ar, boolean required, String formatFr, String formatAr) {

    public String header(Locale locale) {
        return Languages.arabic(locale) ? ar : fr;
    }

    public String format(Locale locale) {
        return Languages.arabic(locale) ? formatAr : formatFr;
    }

    boolean named(String header) {
        String wanted = normalise(header);
        return wanted.equals(normalise(key)) || wanted.equals(normalise(fr)) || wanted.equals(normalise(ar));
    }

    private static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}
