package ma.tadafor.ingestion.upload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed values of one row. Each reader returns null and records an error when the cell breaks its
 * rule, so that one pass over a file reports every problem. Spreadsheet habits are accepted where
 * they are unambiguous: JJ/MM/AAAA dates, decimal commas, oui/non.
 */
final class RowValues {

    // Strict: the default (smart) resolver would read 31/02/2025 as 28/02/2025.
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss][.SSS]]")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Table.Row row;
    private final Headers headers;
    private final List<ImportError> errors;
    private final int errorsBefore;

    RowValues(Table.Row row, Headers headers, List<ImportError> errors) {
        this.row = row;
        this.headers = headers;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    int number() {
        return row.number();
    }

    boolean valid() {
        return errors.size() == errorsBefore;
    }

    boolean blank(Column column) {
        return text(column).isEmpty();
    }

    String text(Column column) {
        return headers.text(row, column);
    }

    /** A text of at most {@code maxLength} characters; null when blank. */
    String text(Column column, int maxLength, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        if (text.length() > maxLength) {
            return error(column, "value.tooLong", maxLength);
        }
        return text;
    }

    <E extends Enum<E>> E enumValue(Column column, Class<E> type, boolean required) {
        return code(column, required, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                name -> Enum.valueOf(type, name));
    }

    /** A value among {@code codes} (compared without case), converted by {@code value}. */
    <T> T code(Column column, boolean required, List<String> codes, Function<String, T> value) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return codes.contains(upper) ? value.apply(upper) : error(column, "value.code", text, String.join(", ", codes));
    }

    /**
     * The code a cell names by its code or its label in either language ({@link Vocabulary});
     * refused with the labels of both languages, each message showing its own.
     */
    String listed(Column column, Vocabulary vocabulary, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        return vocabulary.code(text).orElseGet(() -> error(column, "value.label", text,
                String.join(", ", vocabulary.labels(Locale.FRENCH)), String.join("، ", vocabulary.labels(Languages.ARABIC))));
    }

    LocalDate date(Column column, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return error(column, "value.date", text);
        }
    }

    /** An instant: ISO-8601 with offset, or a date and time (or a date alone) read as UTC. */
    Instant instant(Column column, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            for (DateTimeFormatter format : List.of(ISO_DATE_TIME, FRENCH_DATE_TIME, FRENCH_DATE)) {
                try {
                    TemporalAccessor parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
                    return parsed instanceof LocalDateTime dateTime ? dateTime.toInstant(ZoneOffset.UTC)
                            : ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next layout
                }
            }
            return error(column, "value.instant", text);
        }
    }

    Integer integer(Column column, int min, int max, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            return required ? missing(column) : null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                    && value.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return value.intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        return error(column, "value.integer", text, min, max);
    }

    /** An amount in dirhams, ≥ 0; spaces between thousands and a decimal comma are accepted. */
    BigDecimal amount(Column column) {
        String text = text(column);
        if (text.isEmpty()) {
            return null;
        }
        String plain = text.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        try {
            BigDecimal amount = new BigDecimal(plain);
            if (amount.signum() >= 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return error(column, "value.amount", text);
    }

    /** true, false, or null when blank (unknown). */
    Boolean bool(Column column) {
        String text = text(column);
        if (text.isEmpty()) {
            return null;
        }
        return Vocabulary.YES_NO.code(text).map(Boolean::valueOf).orElseGet(() -> error(column, "value.boolean", text));
    }

    <T> T missing(Column column) {
        return error(column, "value.required");
    }

    <T> T error(Column column, String code, Object... arguments) {
        errors.add(ImportError.at(row.number(), column, code, arguments));
        return null;
    }
}
