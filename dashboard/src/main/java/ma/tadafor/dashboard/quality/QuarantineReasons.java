package ma.tadafor.dashboard.quality;

import java.util.Locale;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.ingestion.feed.QuarantineReason;

/**
 * A quarantined item's reason in the reader's language ({@code quarantine.reason.<code>}); the
 * stored English reason stays as it is for the record and shows as is when no rule of the feed
 * names it. Templates reach it as {@code @quarantineReasons}.
 */
@Component("quarantineReasons")
public class QuarantineReasons {

    private final Wording wording;

    QuarantineReasons(Wording wording) {
        this.wording = wording;
    }

    public String word(String reason, Locale locale) {
        return QuarantineReason.of(reason)
                .map(rule -> wording.text("quarantine.reason." + rule.code(), locale, rule.where(), rule.value()))
                .orElse(reason);
    }
}
