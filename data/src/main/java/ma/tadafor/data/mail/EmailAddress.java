package ma.tadafor.data.mail;

import java.util.Set;
import java.util.regex.Pattern;

/** What the platform accepts as an address to send to, and the languages it writes mail in. */
public final class EmailAddress {

    /** The languages of briefs, reminders and alerts. */
    public static final Set<String> LANGUAGES = Set.of("fr", "ar");

    public static final int MAX_LENGTH = 254;

    /**
     * One mailbox, {@code local@domain.tld}: no display name, no list, no spaces or line breaks
     * (an address goes into a mail header as it is).
     */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddress() {
    }

    public static boolean valid(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
    }
}
