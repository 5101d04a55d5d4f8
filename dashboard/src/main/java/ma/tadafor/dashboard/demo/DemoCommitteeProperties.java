package ma.tadafor.dashboard.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's committees that have held their ordinary meetings and approved their semesters, so that
 * the public pages have figures from the first start (docs/PUBLIC.md).
 *
 * @param enabled       false leaves every committee and semester as the tests want them: empty and open
 * @param provinces     the provinces whose committees met
 * @param firstSemester the first semester they met about and approved, e.g. {@code 2023S1}
 * @param approvedUntil the last one, e.g. {@code 2024S2}; later semesters stay open
 */
@ConfigurationProperties("tadafor.demo.committees")
public record DemoCommitteeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"05.091", "05.081"}) List<String> provinces,
        @DefaultValue("2023S1") String firstSemester,
        @DefaultValue("2024S2") String approvedUntil) {
}
