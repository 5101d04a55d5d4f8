package ma.tadafor.data.mail;

/** What a message is: a committee brief, a reminder of recommendations falling due, an alert to programme managers. */
public enum MailKind {
    BRIEF, REMINDER, ALERT
}
