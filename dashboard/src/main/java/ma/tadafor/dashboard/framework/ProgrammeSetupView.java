package ma.tadafor.dashboard.framework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.api.ScopeKey;
import ma.tadafor.data.framework.IndicatorTarget;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.ProgrammeMember;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * What the set-up page shows: the member communes, every indicator's baseline and its targets for
 * one scope by semester, and the choices its forms offer (communes, indicators, scopes).
 */
@Component
class ProgrammeSetupView {

    private final ResultsFrameworkStore framework;
    private final TerritoryQueries territories;
    private final CommuneNames communeNames;

    ProgrammeSetupView(ResultsFrameworkStore framework, TerritoryQueries territories, CommuneNames communeNames) {
        this.framework = framework;
        this.territories = territories;
        this.communeNames = communeNames;
    }

    /** Fills the page; a form already in the model (one sent back with its errors) is kept. */
    void fill(Model model, String scope) {
        List<ScopeOption> scopes = scopes();
        String shown = scopes.stream().map(ScopeOption::key).filter(key -> key.equals(scope)).findFirst()
                .orElse(ReportingScopes.PROGRAMME);
        List<Commune> communes = communeNames.lookup().communes();
        Map<String, Commune> byCode = communes.stream().collect(Collectors.toMap(Commune::code, Function.identity()));
        List<MemberRow> members = territories.programmeMembers().stream().map(member -> new MemberRow(
                byCode.get(member.communeCode()), member.cohort(), member.joinedOn())).toList();
        List<IndicatorTarget> targets = framework.targets().stream().filter(target -> target.scope().equals(shown)).toList();
        Map<String, Map<String, IndicatorTarget>> bySemester = new TreeMap<>();
        targets.forEach(target -> bySemester.computeIfAbsent(target.indicatorCode(), code -> new TreeMap<>())
                .put(target.semester(), target));

        model.addAttribute("members", members);
        model.addAttribute("communes", communes);
        model.addAttribute("indicators", framework.indicators());
        model.addAttribute("scopes", scopes);
        // The members' provinces by name, not code: every one is among the scopes.
        model.addAttribute("provinces", scopes.stream().filter(option -> option.territory() != null
                        && option.territory().level() == Territory.Level.PROVINCE)
                .collect(Collectors.toMap(option -> option.territory().code(), ScopeOption::territory)));
        model.addAttribute("shownScope", shown);
        model.addAttribute("semesters", targets.stream().map(IndicatorTarget::semester).distinct().sorted().toList());
        model.addAttribute("targets", bySemester);
        addIfAbsent(model, "targetForm", SetupForms.TargetForm.empty(shown));
        addIfAbsent(model, "baselineForm", SetupForms.BaselineForm.empty());
        addIfAbsent(model, "memberForm", SetupForms.MemberForm.empty());
    }

    /** The programme, then the regions and provinces its communes lie in. */
    private List<ScopeOption> scopes() {
        List<ProgrammeMember> members = territories.programmeMembers();
        List<ScopeOption> scopes = new ArrayList<>();
        scopes.add(new ScopeOption(ReportingScopes.PROGRAMME, null));
        members.stream().map(ProgrammeMember::provinceCode).distinct().sorted()
                .map(code -> territories.find(Territory.Level.PROVINCE, code).orElseThrow())
                .collect(Collectors.groupingBy(Territory::regionCode, TreeMap::new, Collectors.toList()))
                .forEach((region, provinces) -> {
                    scopes.add(new ScopeOption("region:" + region, territories.find(Territory.Level.REGION, region).orElseThrow()));
                    provinces.forEach(province -> scopes.add(new ScopeOption(ScopeKey.of(province), province)));
                });
        return scopes;
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    /** A scope the targets are set for; {@code territory} null for the programme. */
    record ScopeOption(String key, Territory territory) {
    }

    record MemberRow(Commune commune, String cohort, LocalDate joinedOn) {
    }
}
