package ma.tadafor.data.committee;

public enum MeetingMode {
    IN_PERSON,
    REMOTE
}
