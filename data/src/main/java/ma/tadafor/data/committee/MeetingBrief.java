package ma.tadafor.data.committee;

import java.time.Instant;

/** A committee brief generated for a meeting: its language ({@code fr}, {@code ar}), the semester it covers, when. */
public record MeetingBrief(long meetingId, String lang, String semester, Instant generatedAt) {
}
