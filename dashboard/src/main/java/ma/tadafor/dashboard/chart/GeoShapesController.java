package ma.tadafor.dashboard.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ma.tadafor.dashboard.api.InvalidParameterException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference boundaries (geoBoundaries, ODbL) the maps draw: all regions, or the provinces of
 * one region, so a page fetches only what it shows. Boundaries are public reference data, not
 * figures: they carry no scope, and browsers may cache them for a day.
 */
@RestController
class GeoShapesController {

    private final JsonMapper json;
    private final Map<String, byte[]> shapes = new ConcurrentHashMap<>();

    GeoShapesController(JsonMapper json) {
        this.json = json;
    }

    @GetMapping(value = "/geo/regions.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> regions() {
        return cached(shapes.computeIfAbsent("regions", key -> features("ma_regions_adm1.geojson", null)));
    }

    @GetMapping(value = "/geo/provinces.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> provinces(@RequestParam String region) {
        if (!region.matches("\\d{2}")) {
            throw new InvalidParameterException("region", "'" + region + "' is not a region code such as 05");
        }
        byte[] body = shapes.computeIfAbsent("provinces:" + region, key -> features("ma_provinces_adm2.geojson", region));
        if (json.readTree(body).get("features").isEmpty()) {
            throw new InvalidParameterException("region", "no region has the code '" + region + "'");
        }
        return cached(body);
    }

    private byte[] features(String file, String region) {
        try (InputStream in = new ClassPathResource("reference/geo/" + file).getInputStream()) {
            ObjectNode collection = (ObjectNode) json.readTree(in);
            ArrayNode kept = json.createArrayNode();
            for (JsonNode feature : collection.get("features")) {
                if (region == null || region.equals(feature.get("properties").get("region_code").asString())) {
                    kept.add(feature);
                }
            }
            collection.set("features", kept);
            return json.writeValueAsBytes(collection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> cached(byte[] body) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate()).body(body);
    }
}
