package ma.tadafor.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import ma.tadafor.data.mart.ExactCount;
import ma.tadafor.data.mart.IndicatorActual;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.quality.Outlier;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The module boundaries of docs/ARCHITECTURE.md, checked on the compiled code of every module
 * (the dashboard's test classpath holds them all). Maven Enforcer checks the same boundaries on
 * the dependency trees at build time.
 */
@AnalyzeClasses(packages = "ma.tadafor", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule analyticsIsSparkOnly = classes().that().resideInAPackage("ma.tadafor.analytics..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "ma.tadafor.analytics..", "java..", "scala..", "org.apache.spark..")
            .because("the analytics jar runs on a Spark cluster without Spring or DuckDB");

    @ArchTest
    static final ArchRule warehouseIsPlainJdbc = noClasses().that().resideInAPackage("ma.tadafor.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.spark..", "ma.tadafor.ingestion..",
                    "ma.tadafor.analytics..", "ma.tadafor.dashboard..");

    @ArchTest
    static final ArchRule ingestionNeverReachesUp = noClasses().that().resideInAPackage("ma.tadafor.ingestion..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.spark..", "ma.tadafor.analytics..", "ma.tadafor.dashboard..");

    @ArchTest
    static final ArchRule participationReachesPeopleThroughTheDisclosureLayer = noClasses()
            .that().resideOutsideOfPackages("ma.tadafor.dashboard.disclosure..", "ma.tadafor.data..")
            .and().doNotHaveSimpleName("CachedParticipationQueries")
            .should().callMethod(ParticipationQueries.class, "participation", ParticipationQuery.class,
                    TerritorialScope.class)
            .orShould().callMethod(ExactCount.class, "value")
            .orShould().callMethod(IndicatorActual.class, "value")
            .orShould().callMethod(IndicatorActual.class, "numerator")
            .orShould().callMethod(IndicatorActual.class, "denominator")
            .orShould().callMethod(Outlier.class, "score")
            .because("every figure made of participant counts reaches a user through one disclosure layer (docs/PRIVACY.md)");

    @ArchTest
    static final ArchRule onlyTheDemoRunsAnSmtpServer = noClasses().that().resideOutsideOfPackage("ma.tadafor.dashboard.demo..")
            .should().dependOnClassesThat().resideInAPackage("com.icegreen..")
            .because("production sends through the SMTP server it is configured with; the demo's own runs on 127.0.0.1 (docs/MAIL.md)");

    @ArchTest
    static final ArchRule dashboardFeaturesHaveNoCycles = slices().matching("ma.tadafor.dashboard.(*)..")
            .should().beFreeOfCycles();
}
