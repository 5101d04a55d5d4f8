package ma.tadafor.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import ma.tadafor.dashboard.wording.Wording;

/** A quarantined item's reason in the reader's language; one no rule names, as stored. */
class QuarantineReasonsTest {

    private final QuarantineReasons reasons = new QuarantineReasons(new Wording(messages()));

    @Test
    void theFeedsRulesAreWordedInFrenchAndArabic() {
        String stored = "startDate: \"01/03/2024\" is not a date (YYYY-MM-DD)";

        assertThat(reasons.word(stored, Locale.FRENCH)).isEqualTo("« startDate » : \"01/03/2024\" n'est pas une date (AAAA-MM-JJ).");
        assertThat(reasons.word(stored, Locale.forLanguageTag("ar"))).isEqualTo("«startDate»: \"01/03/2024\" ليس تاريخا (AAAA-MM-JJ).");
        assertThat(reasons.word("mechanism: \"PETITON\" is not a known Mechanism", Locale.forLanguageTag("ar")))
                .isEqualTo("«mechanism»: \"PETITON\" ليست قيمة مقبولة.");
        assertThat(reasons.word("the portal answered 503", Locale.FRENCH)).isEqualTo("the portal answered 503");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
