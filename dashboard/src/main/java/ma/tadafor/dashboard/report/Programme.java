package ma.tadafor.dashboard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programme's identity as Enabel publishes it ({@code reference/tadafor_programme.json} of the
 * data module): what a donor report says about the activity itself.
 */
record Programme(String enabelCode, String titleFr, String objectiveFr, String funder, String implementer,
                 List<String> nationalPartners, String dacSectorCode, LocalDate start, LocalDate end) {

    private static final String RESOURCE = "/reference/tadafor_programme.json";

    static Programme load(JsonMapper json) {
        try (InputStream in = Programme.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode node = json.readTree(in);
            List<String> partners = new ArrayList<>();
            node.get("national_partners").forEach(partner -> partners.add(partner.asString()));
            // "15150 Democratic participation and civil society": the DAC code is the first word
            String sector = node.get("dac_sector").asString().split(" ", 2)[0];
            return new Programme(node.get("enabel_code").asString(), node.get("title_fr").asString(),
                    node.get("objective_fr").asString(), node.get("funder").asString(), node.get("implementer").asString(),
                    List.copyOf(partners), sector, LocalDate.parse(node.get("start_date").asString()),
                    LocalDate.parse(node.get("end_date").asString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
