package vn.pcmd.core.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The indicators of one programme period's forms, with their headings, the departments that send them,
 * the derived indicators targets are judged on, and the reporting deadlines. Loaded by {@link CatalogLoader}.
 */
public final class Catalog {
    private final ProgrammePeriod period;
    private final Map<String, Agency> agencies;
    private final Map<String, Section> sections;
    private final Map<String, Indicator> indicators;
    private final Map<String, DerivedIndicator> derived;
    private final List<ReportingDeadline> deadlines;

    public Catalog(
            ProgrammePeriod period,
            Collection<Agency> agencies,
            Collection<Section> sections,
            Collection<Indicator> indicators,
            Collection<DerivedIndicator> derived,
            List<ReportingDeadline> deadlines) {
        this.period = requireNonNull(period, "period is null");
        this.agencies = byCode(agencies, Agency::code);
        this.sections = byCode(sections, Section::code);
        this.indicators = byCode(indicators, Indicator::code);
        this.derived = byCode(derived, DerivedIndicator::code);
        this.deadlines = List.copyOf(requireNonNull(deadlines, "deadlines is null"));
    }

    private static <T> Map<String, T> byCode(Collection<T> values, java.util.function.Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : requireNonNull(values, "values is null")) {
            if (map.put(code.apply(value), value) != null) {
                throw new IllegalArgumentException("Duplicate code: " + code.apply(value));
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public ProgrammePeriod period() {
        return period;
    }

    /** Departments in the order of Phụ lục IA. */
    public List<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    public Optional<Section> section(String code) {
        return Optional.ofNullable(sections.get(code));
    }

    /** Every indicator, IA rows then IIA rows, each in the order of its form. */
    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public List<Indicator> indicators(Form form) {
        return indicators.values().stream().filter(indicator -> indicator.form() == form).toList();
    }

    /** The rows of Phụ lục IA a department fills: the common section I and its own section. */
    public List<Indicator> indicatorsForAgency(String agencyCode) {
        return indicators.values().stream()
                .filter(indicator -> indicator.form() == Form.IA)
                .filter(indicator -> indicator.agency().map(agencyCode::equals).orElse(true))
                .toList();
    }

    public List<Indicator> children(String parentCode) {
        return indicators.values().stream()
                .filter(indicator -> indicator.parentCode().map(parentCode::equals).orElse(false))
                .toList();
    }

    public List<DerivedIndicator> derivedIndicators() {
        return List.copyOf(derived.values());
    }

    public Optional<DerivedIndicator> derivedIndicator(String code) {
        return Optional.ofNullable(derived.get(code));
    }

    public List<ReportingDeadline> deadlines() {
        return deadlines;
    }
}
