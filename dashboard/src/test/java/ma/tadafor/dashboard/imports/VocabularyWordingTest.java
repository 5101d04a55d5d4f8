package ma.tadafor.dashboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import ma.tadafor.ingestion.upload.Vocabulary;

/** The labels a clerk picks in the templates' drop-downs are the ones the pages show, in both languages. */
class VocabularyWordingTest {

    @Test
    void theTemplatesLabelsAreThePagesLabels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Vocabulary vocabulary : List.of(Vocabulary.MECHANISMS, Vocabulary.GENDERS, Vocabulary.AGE_BANDS, Vocabulary.ROLES)) {
            for (String code : vocabulary.codes()) {
                for (Locale locale : List.of(Locale.FRENCH, Locale.forLanguageTag("ar"))) {
                    assertThat(vocabulary.label(code, locale)).as(vocabulary.key() + "." + code + " in " + locale)
                            .isEqualTo(messages.getMessage(vocabulary.key() + "." + code, null, locale));
                }
            }
        }
    }
}
