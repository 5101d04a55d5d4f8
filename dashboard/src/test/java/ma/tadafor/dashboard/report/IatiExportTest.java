package ma.tadafor.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import ma.tadafor.dashboard.DemoApplicationTest;

class IatiExportTest extends DemoApplicationTest {

    /** How many values each disaggregation has, unknown included. */
    private static final Map<String, Integer> GROUPS = Map.of("sex", 3, "age", 6, "disability", 3);

    @Test
    void theResultsFrameworkValidatesAgainstIati203WithItsTargetsActualsAndSplits() throws Exception {
        awaitMarts();
        HttpResponse<String> response = get("/api/v1/exports/iati", "dgct");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/iati-2.03/iati-activities-schema.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(response.body())));

        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element activity = (Element) xml.getElementsByTagName("iati-activity").item(0);
        assertThat(text(activity, "iati-identifier")).isEqualTo("BE-BCE_KBO-0264814354-MAR20002");
        // the programme ended on 2025-06-30: its final reporting is under way
        assertThat(((Element) activity.getElementsByTagName("activity-status").item(0)).getAttribute("code")).isEqualTo("3");
        List<String> results = new ArrayList<>();
        for (Element result : children(activity, "result")) {
            results.add(text(result, "narrative").substring(0, 2));
        }
        assertThat(results).containsExactly("R1", "R2", "R3", "R4");

        Element citizens = indicator(xml, "R2.5");
        assertThat(((Element) citizens.getElementsByTagName("baseline").item(0)).getAttribute("value")).isEqualTo("1500");
        Map<String, Object> figure = items(get("/api/v1/indicators?semester=2024S1&scope=programme", "dgct")).stream()
                .filter(i -> i.get("code").equals("R2.5")).findFirst().orElseThrow();
        Element period = period(citizens, "2024-01-01");
        assertThat(Double.parseDouble(((Element) period.getElementsByTagName("target").item(0)).getAttribute("value")))
                .isEqualTo(((Number) figure.get("target")).doubleValue());
        double actual = ((Number) figure.get("actual")).doubleValue();
        assertThat(actual).isPositive();

        // protected as for any reader but the administrator, the same figure as the API's
        Map<String, Double> sums = new HashMap<>();
        List<Element> actuals = children(period, "actual");
        assertThat(Double.parseDouble(actuals.get(0).getAttribute("value"))).isEqualTo(actual);
        for (Element split : actuals.subList(1, actuals.size())) {
            Element dimension = (Element) split.getElementsByTagName("dimension").item(0);
            double value = Double.parseDouble(split.getAttribute("value"));
            assertThat(value).as("a suppressed group is left out, not written").satisfiesAnyOf(
                    v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(5));
            sums.merge(dimension.getAttribute("name"), value, Double::sum);
        }
        // each group and the actual are within 3 of exact; a group left out was at most 7
        assertThat(sums).containsOnlyKeys("sex", "age", "disability").allSatisfy((name, sum) -> assertThat(sum)
                .isCloseTo(actual, Offset.offset(3 + 7.0 * GROUPS.get(name))));
        // shares split into the share within each group: women among participants by age band, and so on
        for (String[] share : new String[][] {{"R2.6", "age"}, {"R2.7", "sex"}, {"R2.8", "sex"}}) {
            List<Element> splits = children(period(indicator(xml, share[0]), "2024-01-01"), "actual");
            assertThat(splits).as(share[0]).hasSizeGreaterThan(2);
            for (Element split : splits.subList(1, splits.size())) {
                assertThat(((Element) split.getElementsByTagName("dimension").item(0)).getAttribute("name")).isEqualTo(share[1]);
                assertThat(Double.parseDouble(split.getAttribute("value"))).isBetween(0.0, 100.0);
            }
        }
        // the demo's invented targets say so, and so does the activity
        Element target = (Element) period.getElementsByTagName("target").item(0);
        assertThat(text(target, "narrative")).isEqualTo("Cible illustrative de la démonstration, pas une cible du programme.");
        assertThat(children(activity, "description")).extracting(d -> d.getAttribute("type")).containsExactly("2", "4");

        Element petitions = indicator(xml, "R2.1");
        assertThat(petitions.getElementsByTagName("dimension").getLength()).isZero();
        assertThat(((Element) petitions.getElementsByTagName("baseline").item(0)).getAttribute("value")).isEqualTo("6");
    }

    @Test
    void onlyNationalRolesExportTheProgramme() throws Exception {
        assertThat(get("/api/v1/exports/iati", "enabel").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/exports/iati", "gov-beni-mellal").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/exports/iati", "focal-kasba-tadla").statusCode()).isEqualTo(403);
    }

    private static Element indicator(Document xml, String code) {
        NodeList references = xml.getElementsByTagName("reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (reference.getAttribute("code").equals(code)) {
                return (Element) reference.getParentNode();
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static Element period(Element indicator, String start) {
        return children(indicator, "period").stream()
                .filter(p -> ((Element) p.getElementsByTagName("period-start").item(0)).getAttribute("iso-date").equals(start))
                .findFirst().orElseThrow(() -> new AssertionError("no period starting " + start));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }
}
