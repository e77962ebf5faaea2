package vn.pcmd.core.catalog;

import vn.pcmd.core.data.Choices;
import vn.pcmd.core.data.CsvFile;
import vn.pcmd.core.data.CsvRow;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.data.DataFileException;
import vn.pcmd.core.units.UnitLevel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads and checks a period's catalog from {@code data/catalog/}. Every inconsistency a hand edit can
 * introduce (a duplicated code, a missing parent, a ratio over an unknown indicator) fails here, naming the
 * file and line, so that nothing downstream meets a broken catalog.
 */
public final class CatalogLoader {
    static final List<String> PERIOD_COLUMNS = List.of("period", "first_year", "last_year", "partial_year", "partial_year_from", "partial_year_to", "forms", "decision_vi");
    static final List<String> AGENCY_COLUMNS = List.of("code", "position", "name_vi", "name_en", "aliases_vi");
    static final List<String> SECTION_COLUMNS = List.of("code", "form", "agency", "parent_code", "position", "label_vi");
    public static final List<String> INDICATOR_COLUMNS = List.of("code", "form", "agency", "section_code", "position", "marker", "label_vi",
            "label_vi_corrected", "unit_vi", "parent_code", "value_type", "aggregation", "of_which_le_total", "note");
    static final List<String> DERIVED_COLUMNS = List.of("code", "label_vi", "label_en", "kind", "numerator_kind", "numerator",
            "denominator_kind", "denominator", "counted_level", "scale", "unit_vi", "note");
    static final List<String> DEADLINE_COLUMNS = List.of("form", "reporter_level", "deadline", "covers_from", "covers_to", "source_vi");

    private static final Map<String, Form> FORMS = Choices.of(Form.values(), Form::name);
    private static final Map<String, ValueType> VALUE_TYPES = Choices.of(ValueType.values(), ValueType::code);
    private static final Map<String, Aggregation> AGGREGATIONS = Choices.of(Aggregation.values(), Aggregation::code);
    private static final Map<String, DerivedIndicator.Kind> DERIVED_KINDS = Choices.of(DerivedIndicator.Kind.values(), DerivedIndicator.Kind::code);
    private static final Map<String, Measure.Kind> MEASURE_KINDS = Choices.of(Measure.Kind.values(), Measure.Kind::code);
    private static final Map<String, UnitLevel> LEVELS = Choices.of(UnitLevel.values(), UnitLevel::code);
    private static final List<String> MARKERS = List.of("", "-", "+", "*");

    private final DataDirectory data;

    public CatalogLoader(DataDirectory data) {
        this.data = data;
    }

    /** The catalog of the most recent period listed in {@code data/catalog/periods.csv}. */
    public Catalog loadLatest() {
        List<ProgrammePeriod> periods = periods();
        return load(periods.get(periods.size() - 1).code());
    }

    public Catalog load(String periodCode) {
        ProgrammePeriod period = periods().stream()
                .filter(candidate -> candidate.code().equals(periodCode))
                .findFirst()
                .orElseThrow(() -> new DataFileException(data.periodsFile(), 0, "no programme period '" + periodCode + "'; add a row for it"));
        Path directory = data.catalogDirectory(period.code());
        Map<String, Agency> agencies = loadAgencies(directory.resolve("agencies.csv"));
        Map<String, Section> sections = loadSections(directory.resolve("sections.csv"), agencies);
        Map<String, Indicator> indicators = loadIndicators(directory.resolve("indicators.csv"), agencies, sections);
        Map<String, DerivedIndicator> derived = loadDerived(directory.resolve("derived.csv"), indicators);
        List<ReportingDeadline> deadlines = CsvFile.read(directory.resolve("deadlines.csv"), DEADLINE_COLUMNS).stream()
                .map(row -> new ReportingDeadline(row.requiredChoice("form", FORMS), row.required("reporter_level"), row.requiredDate("deadline"),
                        row.requiredDate("covers_from"), row.requiredDate("covers_to"), row.required("source_vi")))
                .toList();
        return new Catalog(period, agencies.values(), sections.values(), indicators.values(), derived.values(), deadlines);
    }

    public List<ProgrammePeriod> periods() {
        List<CsvRow> rows = CsvFile.read(data.periodsFile(), PERIOD_COLUMNS);
        if (rows.isEmpty()) {
            throw new DataFileException(data.periodsFile(), 0, "lists no programme period; add one row per period");
        }
        return new ArrayList<>(CsvFile.indexUnique(rows, "period", row -> {
            List<Form> forms = Arrays.stream(row.required("forms").split("\\|"))
                    .map(name -> Form.parse(name).orElseThrow(() -> row.error("column 'forms' names '" + name + "'; allowed forms are IA, IIA, joined by |")))
                    .toList();
            int firstYear = row.requiredInt("first_year");
            int lastYear = row.requiredInt("last_year");
            if (firstYear > lastYear) {
                throw row.error("first_year " + firstYear + " is after last_year " + lastYear);
            }
            Optional<Integer> partialYear = row.optional("partial_year").map(value -> row.requiredInt("partial_year"));
            return new ProgrammePeriod(row.required("period"), firstYear, lastYear, partialYear,
                    row.optional("partial_year_from").map(value -> row.requiredDate("partial_year_from")),
                    row.optional("partial_year_to").map(value -> row.requiredDate("partial_year_to")),
                    forms, row.required("decision_vi"));
        }).values());
    }

    private static Map<String, Agency> loadAgencies(Path file) {
        return CsvFile.indexUnique(CsvFile.read(file, AGENCY_COLUMNS), "code", row -> new Agency(
                row.required("code"),
                row.requiredInt("position"),
                row.required("name_vi"),
                row.required("name_en"),
                row.optional("aliases_vi").map(aliases -> List.of(aliases.split("\\|"))).orElse(List.of())));
    }

    private static Map<String, Section> loadSections(Path file, Map<String, Agency> agencies) {
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvRow row : CsvFile.read(file, SECTION_COLUMNS)) {
            String code = row.required("code");
            Form form = row.requiredChoice("form", FORMS);
            Optional<String> agency = row.optional("agency");
            agency.ifPresent(value -> requireAgency(row, "agency", value, agencies));
            Optional<String> parent = row.optional("parent_code");
            parent.ifPresent(value -> {
                Section parentSection = sections.get(value);
                if (parentSection == null) {
                    throw row.error("parent_code '" + value + "' is not a section listed above this line; list the parent heading first");
                }
                if (parentSection.form() != form) {
                    throw row.error("parent_code '" + value + "' belongs to form " + parentSection.form() + ", not " + form);
                }
            });
            if (lines.putIfAbsent(code, row.line()) != null) {
                throw row.error("duplicate code '" + code + "' (first defined on line " + lines.get(code) + "); give each row its own code");
            }
            sections.put(code, new Section(code, form, agency, parent, row.requiredInt("position"), row.required("label_vi")));
        }
        return sections;
    }

    private static Map<String, Indicator> loadIndicators(Path file, Map<String, Agency> agencies, Map<String, Section> sections) {
        List<CsvRow> rows = CsvFile.read(file, INDICATOR_COLUMNS);
        Map<String, CsvRow> rowsByCode = new HashMap<>();
        for (CsvRow row : rows) {
            String code = row.required("code");
            CsvRow previous = rowsByCode.putIfAbsent(code, row);
            if (previous != null) {
                throw row.error("duplicate code '" + code + "' (first defined on line " + previous.line() + "); give each row its own code");
            }
            if (sections.containsKey(code)) {
                throw row.error("code '" + code + "' is already the code of a section; indicator and section codes must differ");
            }
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        Map<Form, Map<Integer, Long>> positions = new HashMap<>();
        for (CsvRow row : rows) {
            String code = row.required("code");
            Form form = row.requiredChoice("form", FORMS);
            Optional<String> agency = row.optional("agency");
            agency.ifPresent(value -> requireAgency(row, "agency", value, agencies));
            if (form == Form.IIA && agency.isPresent()) {
                throw row.error("a Phụ lục IIA row has no department; leave 'agency' empty");
            }
            String sectionCode = row.required("section_code");
            Section section = sections.get(sectionCode);
            if (section == null) {
                throw row.error("section_code '" + sectionCode + "' is not in sections.csv; add the heading there or fix the code");
            }
            if (section.form() != form) {
                throw row.error("section_code '" + sectionCode + "' is a heading of form " + section.form() + ", not " + form);
            }
            if (section.agency().isPresent() && !section.agency().equals(agency)) {
                throw row.error("the row is in department section '" + sectionCode + "' (" + section.agency().get() + ") but its agency is '" + agency.orElse("") + "'");
            }
            int position = row.requiredInt("position");
            Long clash = positions.computeIfAbsent(form, key -> new HashMap<>()).putIfAbsent(position, row.line());
            if (clash != null) {
                throw row.error("position " + position + " of form " + form + " is already taken on line " + clash + "; each row of a form has its own position");
            }
            String marker = row.optional("marker").orElse("");
            if (!MARKERS.contains(marker)) {
                throw row.error("marker '" + marker + "' is not one the forms print; use -, +, * or leave it empty");
            }
            ValueType valueType = row.requiredChoice("value_type", VALUE_TYPES);
            Aggregation aggregation = row.requiredChoice("aggregation", AGGREGATIONS);
            if ((valueType == ValueType.YES_NO) != (aggregation == Aggregation.COUNT_YES)) {
                throw row.error("value_type " + valueType.code() + " goes with aggregation "
                        + (valueType == ValueType.YES_NO ? Aggregation.COUNT_YES.code() : Aggregation.SUM.code()) + ", not " + aggregation.code());
            }
            Optional<String> parent = row.optional("parent_code");
            Optional<Boolean> withinTotal = row.optionalBoolean("of_which_le_total");
            if (parent.isPresent()) {
                CsvRow parentRow = rowsByCode.get(parent.get());
                if (parentRow == null) {
                    throw row.error("parent_code '" + parent.get() + "' is not the code of any indicator in " + file.getFileName()
                            + "; name the row this one breaks down, or leave parent_code empty");
                }
                if (parent.get().equals(code)) {
                    throw row.error("the row names itself as its parent");
                }
                if (!parentRow.required("form").equals(form.name()) || !parentRow.optional("agency").equals(agency)) {
                    throw row.error("parent_code '" + parent.get() + "' is on another form or in another department's section (line " + parentRow.line() + ")");
                }
                if (parentRow.requiredInt("position") >= position) {
                    throw row.error("parent_code '" + parent.get() + "' stands below this row on the form (line " + parentRow.line() + "); a breakdown follows its total");
                }
                if (withinTotal.isEmpty()) {
                    throw row.error("of_which_le_total is empty; say true if this row can never exceed its parent, false if it can (visits under people, money under a count)");
                }
            }
            else if (withinTotal.isPresent()) {
                throw row.error("of_which_le_total is set but the row has no parent_code; leave it empty");
            }
            indicators.put(code, new Indicator(code, form, agency, sectionCode, position, marker, row.required("label_vi"),
                    row.optional("label_vi_corrected"), row.required("unit_vi"), parent, valueType, aggregation,
                    withinTotal.orElse(false), row.optional("note").orElse("")));
        }
        return indicators;
    }

    private static Map<String, DerivedIndicator> loadDerived(Path file, Map<String, Indicator> indicators) {
        return CsvFile.indexUnique(CsvFile.read(file, DERIVED_COLUMNS), "code", row -> {
            if (indicators.containsKey(row.required("code"))) {
                throw row.error("code '" + row.required("code") + "' is already an indicator code; derived codes must differ (start them with d_)");
            }
            DerivedIndicator.Kind kind = row.requiredChoice("kind", DERIVED_KINDS);
            Optional<UnitLevel> countedLevel = row.optional("counted_level").map(value -> row.requiredChoice("counted_level", LEVELS));
            Measure numerator = measure(row, "numerator", indicators, countedLevel);
            Optional<Measure> denominator = row.optional("denominator_kind").map(value -> measure(row, "denominator", indicators, countedLevel));
            boolean countsUnits = numerator.countsUnits() || denominator.map(Measure::countsUnits).orElse(false);
            if (countsUnits != countedLevel.isPresent()) {
                throw row.error(countsUnits
                        ? "counted_level is empty; say which units the units_* measure counts (commune or district)"
                        : "counted_level is set but neither numerator nor denominator counts units; leave it empty");
            }
            if (kind == DerivedIndicator.Kind.RATIO && denominator.isEmpty()) {
                throw row.error("a ratio needs denominator_kind and denominator");
            }
            if (kind == DerivedIndicator.Kind.VALUE && denominator.isPresent()) {
                throw row.error("a value has no denominator; empty denominator_kind and denominator, or make it a ratio");
            }
            double scale = row.optionalDouble("scale").orElseThrow(() -> row.error("column 'scale' is empty; write 100 for a percentage, 1 otherwise"));
            if (!(scale > 0)) {
                throw row.error("scale must be positive, not " + scale);
            }
            return new DerivedIndicator(row.required("code"), row.required("label_vi"), row.required("label_en"), kind, numerator, denominator,
                    scale, row.required("unit_vi"), row.optional("note").orElse(""));
        });
    }

    private static Measure measure(CsvRow row, String column, Map<String, Indicator> indicators, Optional<UnitLevel> countedLevel) {
        Measure.Kind kind = row.requiredChoice(column + "_kind", MEASURE_KINDS);
        // the level belongs to the measures that count units; a sum beside them in the same row takes none
        Optional<UnitLevel> level = kind == Measure.Kind.SUM ? Optional.empty() : countedLevel;
        if (kind != Measure.Kind.SUM && level.isEmpty()) {
            throw row.error("counted_level is empty; say which units the " + kind.code() + " measure counts (commune or district)");
        }
        String expression = row.required(column);
        if (kind == Measure.Kind.UNITS_REPORTING) {
            Form form = Form.parse(expression).orElseThrow(() -> row.error("column '" + column + "' must name a form (IA or IIA) for " + kind.code() + ", not '" + expression + "'"));
            return new Measure(kind, List.of(), Optional.of(form), level);
        }
        List<String> codes = Arrays.stream(expression.split("\\+")).map(String::strip).toList();
        for (String code : codes) {
            Indicator indicator = indicators.get(code);
            if (indicator == null) {
                throw row.error("column '" + column + "' names indicator '" + code + "', which is not in indicators.csv; use a catalog code");
            }
            if (kind == Measure.Kind.UNITS_YES && indicator.valueType() != ValueType.YES_NO) {
                throw row.error("column '" + column + "' counts yes answers of '" + code + "', which is not a yes/no indicator");
            }
            if (kind != Measure.Kind.UNITS_YES && indicator.valueType() == ValueType.YES_NO) {
                throw row.error("column '" + column + "' sums yes/no indicator '" + code + "'; use units_yes to count the units answering yes");
            }
        }
        return new Measure(kind, codes, Optional.empty(), level);
    }

    private static void requireAgency(CsvRow row, String column, String value, Map<String, Agency> agencies) {
        if (!agencies.containsKey(value)) {
            throw row.error("column '" + column + "' names department '" + value + "', which is not in agencies.csv; known: "
                    + agencies.keySet().stream().collect(Collectors.joining(", ")));
        }
    }
}
