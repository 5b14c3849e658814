package org.medcard.simulator.center.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.medcard.simulator.center.rules.CatalogItem;
import org.medcard.simulator.center.rules.Category;

/** Reads the catalog and departments shipped as resources beside this package's center. */
public final class SeedResources {
    static final String CATALOG = "/org/medcard/simulator/center/catalog.json";
    static final String DEPARTMENTS = "/org/medcard/simulator/center/departments.json";

    private SeedResources() {
    }

    public static List<CatalogItem> catalog() {
        JsonNode root = read(CATALOG);
        List<CatalogItem> out = new ArrayList<>();
        for (JsonNode i : root.get("items")) {
            BigDecimal ratio = new BigDecimal(i.get("self_pay_ratio").asText());
            out.add(new CatalogItem(i.get("code").asText(), i.get("name").asText(), i.get("spec").asText(), i.get("unit").asText(),
                    i.get("price").longValue(), Category.valueOf(i.get("category").asText()),
                    ratio.movePointRight(4).intValueExact(), i.get("chronic").asBoolean(), i.get("version").asInt()));
        }
        return out;
    }

    public static List<CenterSeed.Department> departments() {
        JsonNode root = read(DEPARTMENTS);
        List<CenterSeed.Department> out = new ArrayList<>();
        for (JsonNode d : root.get("departments")) {
            List<CenterSeed.Doctor> doctors = new ArrayList<>();
            for (JsonNode doc : d.get("doctors")) {
                doctors.add(new CenterSeed.Doctor(doc.get("doctor_code").asText(), doc.get("name").asText(), doc.get("title").asText()));
            }
            out.add(new CenterSeed.Department(d.get("dept_code").asText(), d.get("name").asText(), d.get("reg_fee").longValue(), doctors));
        }
        return out;
    }

    static JsonNode read(String resource) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (InputStream in = SeedResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the simulator jar");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
