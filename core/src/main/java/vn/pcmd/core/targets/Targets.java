package vn.pcmd.core.targets;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.data.Choices;
import vn.pcmd.core.data.CsvFile;
import vn.pcmd.core.data.CsvRow;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.UnitLevel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The plans and their targets from {@code data/targets/}, checked against the catalog's derived indicators. */
public record Targets(List<Plan> plans, List<Target> targets) {
    static final List<String> PLAN_COLUMNS = List.of("plan_id", "seed_file", "issuer_vi", "issuer_level", "issuer_unit_code", "document_number",
            "issued_on", "period_from", "period_to", "title_vi");
    static final List<String> TARGET_COLUMNS = List.of("target_id", "plan_id", "text_vi", "applies_to_level", "period_from", "period_to", "measurable",
            "derived_code", "comparator", "threshold", "threshold_high", "not_measurable_reason");
    private static final Map<String, UnitLevel> LEVELS = Choices.of(UnitLevel.values(), UnitLevel::code);
    private static final Map<String, TargetComparator> COMPARATORS = Choices.of(TargetComparator.values(), TargetComparator::symbol);

    public Targets {
        plans = List.copyOf(requireNonNull(plans, "plans is null"));
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }

    public static Targets load(DataDirectory data, Catalog catalog) {
        Path directory = data.targetsDirectory();
        Map<String, Plan> plans = CsvFile.indexUnique(CsvFile.read(directory.resolve("plans.csv"), PLAN_COLUMNS), "plan_id", row -> new Plan(
                row.required("plan_id"),
                row.required("seed_file"),
                row.required("issuer_vi"),
                row.requiredChoice("issuer_level", LEVELS),
                row.optional("issuer_unit_code"),
                row.optional("document_number"),
                row.optional("issued_on").map(value -> row.requiredDate("issued_on")),
                row.requiredInt("period_from"),
                row.requiredInt("period_to"),
                row.required("title_vi")));
        Map<String, Target> targets = CsvFile.indexUnique(CsvFile.read(directory.resolve("targets.csv"), TARGET_COLUMNS), "target_id",
                row -> target(row, plans, catalog));
        return new Targets(List.copyOf(plans.values()), List.copyOf(targets.values()));
    }

    private static Target target(CsvRow row, Map<String, Plan> plans, Catalog catalog) {
        String planId = row.required("plan_id");
        if (!plans.containsKey(planId)) {
            throw row.error("plan_id '" + planId + "' is not in plans.csv; add the plan there first");
        }
        int from = row.requiredInt("period_from");
        int to = row.requiredInt("period_to");
        if (from > to) {
            throw row.error("period_from " + from + " is after period_to " + to);
        }
        boolean measurable = row.requiredBoolean("measurable");
        Optional<Target.Measurement> measurement = Optional.empty();
        Optional<String> reason = row.optional("not_measurable_reason");
        if (measurable) {
            String derivedCode = row.required("derived_code");
            if (catalog.derivedIndicator(derivedCode).isEmpty()) {
                throw row.error("derived_code '" + derivedCode + "' is not a derived indicator of catalog " + catalog.period().code()
                        + " (data/catalog/" + catalog.period().code() + "/derived.csv); add it there or fix the code");
            }
            TargetComparator comparator = row.requiredChoice("comparator", COMPARATORS);
            double threshold = row.optionalDouble("threshold").orElseThrow(() -> row.error("column 'threshold' is empty; a measurable target needs a threshold"));
            Optional<Double> high = row.optionalDouble("threshold_high");
            if ((comparator == TargetComparator.GROWTH_BETWEEN) != high.isPresent()) {
                throw row.error(comparator == TargetComparator.GROWTH_BETWEEN
                        ? "a growth_between target needs threshold_high (e.g. 3 and 5 for +3 % to +5 % a year)"
                        : "threshold_high is only for growth_between; leave it empty");
            }
            if (reason.isPresent()) {
                throw row.error("a measurable target has no not_measurable_reason; empty it or set measurable to false");
            }
            measurement = Optional.of(new Target.Measurement(derivedCode, comparator, threshold, high));
        }
        else {
            if (reason.isEmpty()) {
                throw row.error("a target that is not measurable must say why in not_measurable_reason");
            }
            if (row.optional("derived_code").isPresent() || row.optional("comparator").isPresent() || row.optional("threshold").isPresent()) {
                throw row.error("a target that is not measurable has no derived_code, comparator or threshold; empty them or set measurable to true");
            }
        }
        return new Target(row.required("target_id"), planId, row.required("text_vi"), row.requiredChoice("applies_to_level", LEVELS), from, to, measurement, reason);
    }
}
