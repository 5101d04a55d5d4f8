package ma.tadafor.ingestion.upload;

import java.util.Locale;

/** Uploads speak French unless the user reads Arabic. */
final class Languages {

    private Languages() {
    }

    static boolean arabic(Locale locale) {
        return locale != null && "ar".equals(locale.getLanguage());
    }
}
