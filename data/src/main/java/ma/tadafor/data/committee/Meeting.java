package ma.tadafor.data.committee;

import java.time.LocalDate;
import java.util.List;

/**
 * A committee meeting, planned on a date and held (or not yet) on another; minutes in French
 * and/or Arabic. {@code agenda} holds the items its convener set; recommendations carried from
 * earlier meetings are not stored on it but worked out ({@link Recommendation#carriedTo}).
 */
public record Meeting(long id, String provinceCode, MeetingKind kind, MeetingMode mode, LocalDate plannedOn,
                      LocalDate heldOn, String place, String minutesFr, String minutesAr, List<AgendaItem> agenda,
                      List<Attendance> attendance, List<MeetingDocument> documents) {

    public Meeting {
        agenda = List.copyOf(agenda);
        attendance = List.copyOf(attendance);
        documents = List.copyOf(documents);
    }

    /** The day it was held, or the day it is planned for. */
    public LocalDate date() {
        return heldOn != null ? heldOn : plannedOn;
    }

    public boolean held() {
        return heldOn != null;
    }

    public int women() {
        return attendance.stream().mapToInt(Attendance::women).sum();
    }

    public int men() {
        return attendance.stream().mapToInt(Attendance::men).sum();
    }
}
