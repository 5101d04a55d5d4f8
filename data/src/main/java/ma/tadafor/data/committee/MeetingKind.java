package ma.tadafor.data.committee;

/** Ordinary meetings come every six months, before the national consultation; others on request. */
public enum MeetingKind {
    ORDINARY,
    EXTRAORDINARY
}
