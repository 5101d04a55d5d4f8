package ma.tadafor.ingestion.upload;

import java.util.Locale;

/** Uploads speak French unless the user reads Arabic. */
final class Languages {

    static final Locale ARABIC = Locale.forLanguageTag("ar");

    private Languages() {
    }

    static boolean arabic(Locale locale) {
        return locale != null && "ar".equals(locale.getLanguage());
    }
}
