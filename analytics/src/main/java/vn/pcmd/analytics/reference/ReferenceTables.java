package vn.pcmd.analytics.reference;

import vn.pcmd.analytics.engine.Column;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.DerivedIndicator;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Measure;
import vn.pcmd.core.catalog.ReportingDeadline;
import vn.pcmd.core.targets.Target;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.UnitVersion;
import vn.pcmd.core.units.Vintage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The programme's vocabulary as tables for the engines: built once in Java from data/, loaded the same way into
 * DuckDB or Spark, so that jobs are plain joins and both engines compute the same thing. Columns are documented in
 * docs/marts.md.
 */
public final class ReferenceTables {
    public static final String NATION_CODE = "VN";
    public static final String NATION_NAME = "Toàn quốc";

    private final Catalog catalog;
    private final AdministrativeUnits units;
    private final Targets targets;
    private final UnitMapping mapping;

    public ReferenceTables(Catalog catalog, AdministrativeUnits units, Targets targets) {
        this.catalog = catalog;
        this.units = units;
        this.targets = targets;
        this.mapping = new UnitMapping(units);
    }

    public List<Table> all() {
        return List.of(indicators(), derivedTerms(), derivedIndicators(), measures(), units(), ancestors(), unitMap(), expectedReporters(), targets(), deadlines(),
                years());
    }

    /** ref_indicators: the catalog. */
    public Table indicators() {
        List<Object[]> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            rows.add(new Object[] {indicator.code(), indicator.form().name(), indicator.agency().orElse(null), indicator.position(), indicator.displayLabelVi(),
                    indicator.unitVi(), indicator.parentCode().orElse(null), indicator.valueType().code(), indicator.aggregation().code(), indicator.ofWhichWithinTotal()});
        }
        return new Table("ref_indicators", List.of(Column.varchar("code"), Column.varchar("form"), Column.varchar("agency"), Column.integer("position"),
                Column.varchar("label_vi"), Column.varchar("unit_vi"), Column.varchar("parent_code"), Column.varchar("value_type"), Column.varchar("aggregation"),
                Column.bool("of_which_le_total")), rows);
    }

    /** ref_derived: derived indicators (ratio or value, scale, unit). */
    public Table derivedIndicators() {
        List<Object[]> rows = new ArrayList<>();
        for (DerivedIndicator derived : catalog.derivedIndicators()) {
            rows.add(new Object[] {derived.code(), derived.labelVi(), derived.kind().code(), derived.scale(), derived.unitVi()});
        }
        return new Table("ref_derived", List.of(Column.varchar("code"), Column.varchar("label_vi"), Column.varchar("kind"), Column.decimal("scale"),
                Column.varchar("unit_vi")), rows);
    }

    /**
     * ref_measures: what can be compared among peers, indicators and derived indicators in one list, so that a job
     * handling both keys them by one (measure_kind, code) pair: value_type for indicators, kind and scale (a catalog
     * indicator is a value of scale 1).
     */
    public Table measures() {
        List<Object[]> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            rows.add(new Object[] {"indicator", indicator.code(), indicator.form().name(), indicator.valueType().code(), "value", 1.0});
        }
        for (DerivedIndicator derived : catalog.derivedIndicators()) {
            rows.add(new Object[] {"derived", derived.code(), null, null, derived.kind().code(), derived.scale()});
        }
        return new Table("ref_measures", List.of(Column.varchar("measure_kind"), Column.varchar("code"), Column.varchar("form"), Column.varchar("value_type"),
                Column.varchar("kind"), Column.decimal("scale")), rows);
    }

    /** ref_derived_terms: each derived indicator's numerator and denominator, one row per indicator read (or per form counted). */
    public Table derivedTerms() {
        List<Object[]> rows = new ArrayList<>();
        for (DerivedIndicator derived : catalog.derivedIndicators()) {
            addTerms(rows, derived.code(), "numerator", derived.numerator());
            derived.denominator().ifPresent(denominator -> addTerms(rows, derived.code(), "denominator", denominator));
        }
        return new Table("ref_derived_terms", List.of(Column.varchar("derived_code"), Column.varchar("role"), Column.varchar("kind"),
                Column.varchar("indicator_code"), Column.varchar("form"), Column.varchar("counted_level")), rows);
    }

    private static void addTerms(List<Object[]> rows, String code, String role, Measure measure) {
        String level = measure.countedLevel().map(UnitLevel::code).orElse(null);
        if (measure.kind() == Measure.Kind.UNITS_REPORTING) {
            rows.add(new Object[] {code, role, measure.kind().code(), null, measure.form().orElseThrow().name(), level});
            return;
        }
        for (String indicator : measure.indicatorCodes()) {
            rows.add(new Object[] {code, role, measure.kind().code(), indicator, null, level});
        }
    }

    /** ref_units: every unit of both vintages and the nation, with parent and province. */
    public Table units() {
        List<Object[]> rows = new ArrayList<>();
        for (Vintage vintage : Vintage.values()) {
            rows.add(new Object[] {vintage.code(), NATION_CODE, NATION_NAME, "nation", null, null});
            for (AdminUnit unit : units.units(vintage)) {
                rows.add(new Object[] {vintage.code(), unit.code(), unit.name(), unit.level().code(), unit.parentCode().orElse(NATION_CODE), unit.provinceCode()});
            }
        }
        return new Table("ref_units", List.of(Column.varchar("vintage"), Column.varchar("code"), Column.varchar("name"), Column.varchar("level"),
                Column.varchar("parent_code"), Column.varchar("province_code")), rows);
    }

    /** ref_ancestors: each unit of a vintage with itself and every unit above it up to the nation (a closure table). */
    public Table ancestors() {
        List<Object[]> rows = new ArrayList<>();
        for (Vintage vintage : Vintage.values()) {
            rows.add(new Object[] {vintage.code(), NATION_CODE, NATION_CODE, "nation", 0});
            for (AdminUnit unit : units.units(vintage)) {
                int depth = 0;
                Optional<AdminUnit> current = Optional.of(unit);
                while (current.isPresent()) {
                    rows.add(new Object[] {vintage.code(), unit.code(), current.get().code(), current.get().level().code(), depth++});
                    current = current.get().parentCode().flatMap(parent -> units.unit(vintage, parent));
                }
                rows.add(new Object[] {vintage.code(), unit.code(), NATION_CODE, "nation", depth});
            }
        }
        return new Table("ref_ancestors", List.of(Column.varchar("vintage"), Column.varchar("unit_code"), Column.varchar("ancestor_code"),
                Column.varchar("ancestor_level"), Column.integer("depth")), rows);
    }

    /** ref_unit_map: for each reporting code of the history, where its figures land in each vintage ({@link UnitMapping}). */
    public Table unitMap() {
        List<Object[]> rows = new ArrayList<>();
        for (AdminUnit reporter : mapping.reporters()) {
            for (Vintage vintage : Vintage.values()) {
                UnitMapping.Landing landing = mapping.land(reporter, vintage);
                rows.add(new Object[] {vintage.code(), reporter.code(), reporter.level().code(), landing.unitCode(), landing.level().code()});
            }
        }
        return new Table("ref_unit_map", List.of(Column.varchar("vintage"), Column.varchar("reporter_code"), Column.varchar("reporter_level"),
                Column.varchar("target_code"), Column.varchar("target_level")), rows);
    }

    /**
     * ref_expected_reporters: who was expected to report each year — every commune, district and province existing
     * that year for IIA, every department of every province for IA — for the completeness checks.
     */
    public Table expectedReporters() {
        Map<String, Set<Integer>> years = new HashMap<>();
        Map<String, AdminUnit> latest = new HashMap<>();
        for (UnitVersion version : units.history()) {
            for (int year : catalog.period().years()) {
                if (version.overlaps(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                    years.computeIfAbsent(version.unit().code(), key -> new TreeSet<>()).add(year);
                }
            }
            latest.merge(version.unit().code(), version.unit(), (left, right) -> right);
        }
        List<Object[]> rows = new ArrayList<>();
        years.forEach((code, existing) -> {
            AdminUnit unit = latest.get(code);
            for (int year : existing) {
                rows.add(new Object[] {code, unit.level().code(), unit.provinceCode(), "IIA", null, year});
                if (unit.level() == UnitLevel.PROVINCE) {
                    catalog.agencies().forEach(agency -> rows.add(new Object[] {code, unit.level().code(), unit.provinceCode(), "IA", agency.code(), year}));
                }
            }
        });
        rows.sort(java.util.Comparator.comparing((Object[] row) -> (String) row[0]).thenComparing(row -> (String) row[3])
                .thenComparing(row -> row[4] == null ? "" : (String) row[4]).thenComparing(row -> (Integer) row[5]));
        return new Table("ref_expected_reporters", List.of(Column.varchar("reporter_code"), Column.varchar("reporter_level"), Column.varchar("province_code"),
                Column.varchar("form"), Column.varchar("agency"), Column.integer("year")), rows);
    }

    /** ref_targets: every target, measurable or not. */
    public Table targets() {
        List<Object[]> rows = new ArrayList<>();
        for (Target target : targets.targets()) {
            Optional<Target.Measurement> measurement = target.measurement();
            rows.add(new Object[] {target.targetId(), target.planId(), target.textVi(), target.appliesToLevel().code(), target.periodFrom(), target.periodTo(),
                    target.isMeasurable(), measurement.map(Target.Measurement::derivedCode).orElse(null),
                    measurement.map(value -> value.comparator().symbol()).orElse(null), measurement.map(Target.Measurement::threshold).orElse(null),
                    measurement.flatMap(Target.Measurement::thresholdHigh).orElse(null), target.notMeasurableReason().orElse(null)});
        }
        return new Table("ref_targets", List.of(Column.varchar("target_id"), Column.varchar("plan_id"), Column.varchar("text_vi"), Column.varchar("applies_to_level"),
                Column.integer("period_from"), Column.integer("period_to"), Column.bool("measurable"), Column.varchar("derived_code"), Column.varchar("comparator"),
                Column.decimal("threshold"), Column.decimal("threshold_high"), Column.varchar("not_measurable_reason")), rows);
    }

    /** ref_deadlines: when each form is due, by reporter level. */
    public Table deadlines() {
        List<Object[]> rows = new ArrayList<>();
        for (ReportingDeadline deadline : catalog.deadlines()) {
            rows.add(new Object[] {deadline.form().name(), deadline.reporterLevel(), deadline.deadline()});
        }
        return new Table("ref_deadlines", List.of(Column.varchar("form"), Column.varchar("reporter_level"), Column.date("deadline")), rows);
    }

    /** ref_years: the period's years, which is partial and the factor that annualises it (12 / months covered). */
    public Table years() {
        List<Object[]> rows = new ArrayList<>();
        for (int year : catalog.period().years()) {
            boolean partial = catalog.period().isPartial(year);
            double factor = 1.0;
            if (partial) {
                LocalDate from = catalog.period().partialYearFrom().orElse(LocalDate.of(year, 1, 1));
                LocalDate to = catalog.period().partialYearTo().orElseThrow();
                long months = java.time.temporal.ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.plusDays(1).withDayOfMonth(1));
                factor = 12.0 / months;
            }
            rows.add(new Object[] {year, partial, factor});
        }
        return new Table("ref_years", List.of(Column.integer("year"), Column.bool("partial"), Column.decimal("annualise_factor")), rows);
    }
}
