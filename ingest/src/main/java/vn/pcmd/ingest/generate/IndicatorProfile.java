package vn.pcmd.ingest.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the generator draws one indicator (profiles.csv beside this class): a national yearly figure shared out over
 * the units, or a share of an earlier row of the same form.
 *
 * @param perYear for {@link Rule#BASE}: the national sum over a full year (per department for section I of Phụ lục IA);
 *     0 when not given, then each unit gets about one
 * @param stock a level (staff, venues) rather than events over the year: not scaled down for a part year
 * @param zeroShare the share of units whose row stays 0 every year
 */
record IndicatorProfile(String code, Rule rule, Optional<String> basis, double share, double perYear, boolean stock, double zeroShare) {
    static final String RESOURCE = "profiles.csv";

    enum Rule {
        BASE, PART, SUBSET, PER, ANY, YES_NO;

        static Rule parse(String text) {
            return Arrays.stream(values())
                    .filter(rule -> rule.name().equals(text.strip().toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown rule '" + text + "' in " + RESOURCE));
        }
    }

    IndicatorProfile {
        requireNonNull(code, "code is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(basis, "basis is null");
        if ((rule == Rule.PART || rule == Rule.SUBSET || rule == Rule.PER || rule == Rule.ANY) != basis.isPresent()) {
            throw new IllegalArgumentException(RESOURCE + ": " + code + " with rule " + rule + (basis.isPresent() ? " takes no basis" : " needs a basis"));
        }
    }

    /** The profile of an indicator that profiles.csv does not list yet: about one per unit and year. */
    static IndicatorProfile fallback(String code) {
        return new IndicatorProfile(code, Rule.BASE, Optional.empty(), 0, 0, false, 0.2);
    }

    static IndicatorProfile yesNoFallback(String code) {
        return new IndicatorProfile(code, Rule.YES_NO, Optional.empty(), 0.6, 0, false, 0);
    }

    static Map<String, IndicatorProfile> load() {
        try (InputStream stream = requireNonNull(IndicatorProfile.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing");
                CSVParser parser = CSVParser.parse(new InputStreamReader(stream, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader().setCommentMarker('#').setIgnoreEmptyLines(true).get())) {
            Map<String, IndicatorProfile> profiles = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                IndicatorProfile profile = new IndicatorProfile(
                        record.get("code"),
                        Rule.parse(record.get("rule")),
                        Optional.of(record.get("basis")).filter(text -> !text.isBlank()),
                        number(record.get("share")),
                        number(record.get("per_year")),
                        Boolean.parseBoolean(record.get("stock")),
                        number(record.get("zero_share")));
                if (profiles.put(profile.code(), profile) != null) {
                    throw new IllegalStateException(RESOURCE + ": " + profile.code() + " is listed twice");
                }
            }
            return profiles;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(String text) {
        return text.isBlank() ? 0 : Double.parseDouble(text);
    }
}
