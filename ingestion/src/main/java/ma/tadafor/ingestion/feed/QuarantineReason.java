package ma.tadafor.ingestion.feed;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rule a quarantined item broke, read back from the reason stored with it. The stored reason
 * stays the English sentence the rules write (the audit's and the administrator's record); the pages
 * word it in the reader's language from {@code code} ({@code quarantine.reason.<code>}), with the
 * field it is about ({@code where}) and the value received. The patterns sit beside the rules that
 * write the sentences ({@link FeedItemRules}, the Decidim mapping), and a test breaks each rule to
 * hold them together.
 */
public record QuarantineReason(String code, String where, String value) {

    private record Rule(String code, Pattern pattern) {
    }

    private static final String WHERE = "(?:[a-z]+: )?(?<where>[A-Za-z0-9_.\\[\\]]+): ";
    private static final List<Rule> RULES = List.of(
            rule("itemNotAnObject", "(?<where>)an item must be a JSON object(?<value>)"),
            rule("idLength", WHERE + "must be a string of 1 to \\d+ characters(?<value>)"),
            rule("noId", "(?:[a-z]+: )?(?<where>)no usable id(?<value>)"),
            rule("notBoolean", WHERE + "must be true(?:, false)? or (?:false|null)(?<value>)"),
            rule("endBeforeStart", "(?<where>endDate): (?<value>\\S+) is before startDate \\S+"),
            rule("notAnArray", WHERE + "must be an array.*(?<value>)"),
            rule("tooManyCells", WHERE + "(?<value>\\d+) cells, more than \\d+"),
            rule("notAnObject", WHERE + "must be an object.*(?<value>)"),
            rule("count", WHERE + "(?<value>.+) is not an integer from 1 to \\d+"),
            rule("amount", WHERE + "(?<value>.+) is not an amount ≥ 0"),
            rule("association", WHERE + "must have a string id and name(?<value>)"),
            rule("tooLong", WHERE + "longer than \\d+ characters(?<value>)"),
            rule("instant", WHERE + "'?(?<value>.*?)'? is not (?:an ISO-8601 instant|a date and time)"),
            rule("date", WHERE + "(?<value>.+) is not a date \\(YYYY-MM-DD\\)"),
            rule("notText", WHERE + "must be a string or null(?<value>)"),
            rule("unknownValue", WHERE + "(?<value>.+) is not (?:a known \\w+|one of .+)"));

    /** The rule {@code reason} names, or empty when it is none of the feed's (then it is shown as stored). */
    public static Optional<QuarantineReason> of(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason);
            if (matcher.matches()) {
                return Optional.of(new QuarantineReason(rule.code(), matcher.group("where"), matcher.group("value")));
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String code, String regex) {
        return new Rule(code, Pattern.compile(regex, Pattern.DOTALL));
    }
}
