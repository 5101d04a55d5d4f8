package ma.tadafor.data.framework;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme's set-up as its team keeps it in a workbook: semester targets, baselines and member
 * communes, all checked, to be written together or not at all.
 */
public record FrameworkSetup(List<Target> targets, List<Baseline> baselines, List<Member> members) {

    public FrameworkSetup {
        targets = List.copyOf(targets);
        baselines = List.copyOf(baselines);
        members = List.copyOf(members);
    }

    /** @param scope a scope key: {@code programme}, {@code region:05}, {@code province:05.091} */
    public record Target(String indicatorCode, String scope, String semester, double target) {
    }

    public record Baseline(String indicatorCode, double baseline) {
    }

    /** @param cohort {@code pilot} or {@code extension} */
    public record Member(String communeCode, String cohort, LocalDate joinedOn) {
    }
}
