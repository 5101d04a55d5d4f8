package ma.tadafor.dashboard.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.territory.ProgrammeMember;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * The demo's commune portals: the simulator serves the generated activity of the communes that
 * have a portal, each registered as a source, so the demo's figures arrive through the real
 * ingestion job. Runs first, so that an interrupted demo pull can resume against it.
 */
@Component
@Profile("demo")
@Order(-10)
class DemoPortals implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoPortals.class);

    private final DemoProperties demo;
    private final TerritoryQueries territories;
    private final SourceStore sources;
    private PortalSimulator simulator;

    DemoPortals(DemoProperties demo, TerritoryQueries territories, SourceStore sources) {
        this.demo = demo;
        this.territories = territories;
        this.sources = sources;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> withPortal = Set.copyOf(demo.portalCommunes());
        List<DemoCommune> portals = territories.programmeMembers().stream().map(DemoPortals::demoCommune)
                .filter(commune -> withPortal.contains(commune.code())).toList();
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(demo.seed()).scale(demo.scale())
                .port(demo.simulatorPort()).build(), portals);
        for (DemoCommune commune : portals) {
            // Saved at every start: the simulator's port may have changed.
            sources.save(new Source("portal-" + commune.code(), SourceType.PORTAL_FEED, commune.code(),
                    simulator.baseUrl(commune.code()), simulator.token(commune.code()), demo.pullSchedule(), true));
        }
        log.info("Demo portal simulator on port {} serves {} communes", simulator.port(), portals.size());
    }

    /** The portals live {@code days} more days (see {@link PortalSimulator#passDays}). */
    long passDays(int days) {
        return simulator.passDays(days);
    }

    @Override
    public void destroy() {
        if (simulator != null) {
            simulator.close();
        }
    }

    static DemoCommune demoCommune(ProgrammeMember member) {
        return new DemoCommune(member.communeCode(), member.provinceCode(), member.cohort(), member.joinedOn(),
                member.populationFemale(), member.populationMale(), member.disabilityPct());
    }
}
