package ma.tadafor.ingestion.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.indh.IndhProject;

class DemoIndhProjectsTest {

    private final List<DemoCommune> communes = ProgrammeCommunes.all();
    private final List<IndhProject> projects = DemoFeed.GENERATOR.indhProjects(communes);

    @Test
    void everyIndhRefOfAnActivityNamesAProjectOfItsProvinceOrCommune() {
        Map<String, IndhProject> byRef = projects.stream()
                .collect(Collectors.toMap(IndhProject::ref, Function.identity()));

        DemoFeed.byCommune().forEach((commune, feed) -> feed.stream()
                .filter(activity -> activity.indhProjectRef() != null)
                .forEach(activity -> {
                    IndhProject project = byRef.get(activity.indhProjectRef());
                    assertThat(project).as(activity.indhProjectRef()).isNotNull();
                    assertThat(project.provinceCode()).isEqualTo(commune.provinceCode());
                    assertThat(project.communeCode()).isIn(null, commune.code());
                    assertThat(project.theme()).isEqualTo(activity.theme());
                }));
    }

    @Test
    void projectsAreUniquePlausibleAndCoverEveryProvinceAndCommune() {
        assertThat(projects).extracting(IndhProject::ref).doesNotHaveDuplicates()
                .allMatch(ref -> ref.matches("INDH-\\d\\d\\.\\d{3}-20(19|2[0-5])-\\d{3,4}"));
        assertThat(projects).allSatisfy(project -> {
            assertThat(project.programmeNo()).isBetween(1, 4);
            assertThat(project.theme()).isNotNull();
            assertThat(project.titleFr()).isNotBlank();
            assertThat(project.titleAr()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(project.startDate()).isBetween(LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31));
            assertThat(project.endDate()).isAfter(project.startDate());
            assertThat(project.totalCostMad()).isGreaterThanOrEqualTo(BigDecimal.valueOf(100_000));
            assertThat(project.indhContributionMad().doubleValue() / project.totalCostMad().doubleValue())
                    .isBetween(0.6, 1.0);
            assertThat(project.status()).isIn("PROGRAMMED", "IN_PROGRESS", "COMPLETED");
        });
        communes.forEach(commune -> {
            assertThat(projects).filteredOn(project -> commune.code().equals(project.communeCode()))
                    .hasSizeBetween(2, 4)
                    .allMatch(project -> project.provinceCode().equals(commune.provinceCode()));
            assertThat(projects).filteredOn(project -> project.communeCode() == null
                    && project.provinceCode().equals(commune.provinceCode())).isNotEmpty();
        });
        assertThat(projects).extracting(IndhProject::status).contains("PROGRAMMED", "IN_PROGRESS", "COMPLETED");
    }

    @Test
    void aCommunesProjectsDoNotDependOnWhichOtherCommunesAreAskedFor() {
        DemoCommune commune = communes.get(30);

        assertThat(projects).containsAll(DemoFeed.GENERATOR.indhProjects(List.of(commune, commune)));
        assertThat(new DemoDataGenerator(DemoFeed.SEED, 1.0).indhProjects(DemoFeed.reversedCommunes()))
                .isEqualTo(projects);
    }
}
