package ma.tadafor.data.activity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The feed's age bands; {@link #UNKNOWN} counts in totals and shows as "unknown". */
public enum AgeBand {
    UNDER_18("UNDER_18"),
    AGE_18_24("18-24"),
    AGE_25_34("25-34"),
    AGE_35_59("35-59"),
    AGE_60_PLUS("60+"),
    UNKNOWN("UNKNOWN");

    private static final Map<String, AgeBand> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AgeBand::code, band -> band));

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    /** The band as the feed and the warehouse write it, e.g. {@code 18-24}. */
    public String code() {
        return code;
    }

    public static Optional<AgeBand> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
