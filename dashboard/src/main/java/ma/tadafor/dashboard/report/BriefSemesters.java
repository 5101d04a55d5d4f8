package ma.tadafor.dashboard.report;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.territory.Territory;

/**
 * The one rule for the semester a committee looks at when nobody names one: the latest semester
 * ended before the day in question (the meeting's, or today) in which the province's communes
 * reported participation. Not simply the calendar's last semester: when reports stop or lag, that
 * one is empty and its brief four pages of zeros. With no participation at all, the calendar's
 * last semester, whose brief then says so. The brief prepared for a meeting, the brief printed
 * without a semester and the governor's home page all take it from here.
 *
 * <p>"Reported participation" is read as the brief will print it, through the disclosure layer:
 * a protected count is zero only when the exact one is (a suppressed one is not), so the rule is
 * the same for every reader and tells no one more than the brief does.
 */
@Component
public class BriefSemesters {

    private final ParticipationRateQueries rates;
    private final Disclosure disclosure;

    BriefSemesters(ParticipationRateQueries rates, Disclosure disclosure) {
        this.rates = rates;
        this.disclosure = disclosure;
    }

    /** The latest semester with participation in the province that ended before {@code day}. */
    public Semester before(Territory province, LocalDate day) {
        Semester last = Semester.of(day).previous();
        return rates.semesters("province:" + province.code()).stream()
                .filter(rate -> rate.semester().compareTo(last.code()) <= 0)
                .filter(rate -> reported(disclosure.count(rate.participants(), Audience.PROTECTED)))
                .map(rate -> Semester.parse(rate.semester()).orElseThrow())
                .reduce((earlier, later) -> later)
                .orElse(last);
    }

    private static boolean reported(PublishedCount participants) {
        return participants.suppressed() || participants.perturbed() > 0;
    }
}
