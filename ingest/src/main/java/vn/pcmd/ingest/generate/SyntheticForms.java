package vn.pcmd.ingest.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.catalog.ReportingDeadline;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.ingest.form.FormRow;
import vn.pcmd.ingest.form.FormTemplateWriter;
import vn.pcmd.ingest.form.FormValues;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Synthetic but plausible filled forms, as real .xlsx files written by {@link FormTemplateWriter}: a Phụ lục IIA for
 * every commune in scope for the years its code existed, a consolidated IIA for every district and province, and a
 * Phụ lục IA for every department of every province.
 *
 * <p>Magnitudes follow profiles.csv: summed over the country for a full year, about 10,000 estimated sex workers,
 * 100,000 risky businesses, 550 prostitution cases and 1,000 people fined. Wards weigh more than towns, towns more
 * than rural communes; 2025 is a half year. About 3 % of communes send nothing, about 3 % of forms are late, 2 % of
 * cells are typed as offices type them. A district's or province's consolidated form is the sum of the communes that
 * reported (so a missing commune is not a discrepancy), except that about 5 % of them misreport one figure
 * slightly, listed in {@value #DISCREPANCIES}.
 *
 * <p>Besides the forms, the output holds {@value #MANIFEST} (one row per file, with the outcome ingestion should
 * give it), {@value #EXPECTED_TOTALS} (the sum of every filled cell of the files to be accepted, by form, reporting
 * level, department, indicator and year), {@value #NOT_REPORTING} and {@value #DISCREPANCIES}.
 *
 * <p>Each unit draws from its own random stream, derived from the seed and the unit's code, form and department, so
 * that the same seed gives byte-identical files whatever the number of threads, and a unit's figures do not depend
 * on the scope or the years asked for.
 */
public final class SyntheticForms {
    public static final String MANIFEST = "manifest.csv";
    public static final String EXPECTED_TOTALS = "expected_totals.csv";
    public static final String NOT_REPORTING = "not_reporting.csv";
    public static final String DISCREPANCIES = "discrepancies.csv";
    public static final List<String> MANIFEST_HEADER = List.of("file", "form", "unit_code", "unit_level", "agency", "years", "submitted_on", "late",
            "error_kind", "expected_outcome");
    public static final List<String> EXPECTED_TOTALS_HEADER = List.of("form", "unit_level", "agency", "indicator_code", "year", "value", "cells");
    public static final List<String> NOT_REPORTING_HEADER = List.of("unit_code", "unit_level", "form", "province_code", "years");
    public static final List<String> DISCREPANCIES_HEADER = List.of("file", "unit_code", "unit_level", "indicator_code", "year", "rolled_up", "reported");
    /** The files besides the forms that a run writes into its directory; ingestion should leave them alone. */
    public static final List<String> SIDECAR_FILES = List.of(MANIFEST, EXPECTED_TOTALS, NOT_REPORTING, DISCREPANCIES);
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    static final double NOT_REPORTING_SHARE = 0.03;
    static final double LATE_SHARE = 0.03;
    static final double DISCREPANCY_SHARE = 0.05;
    /** The earliest a form is sent: a fortnight after the period it covers ends (2025-07-15 for 2021–2025). */
    static final int FIRST_SUBMISSION_DAYS = 15;
    static final int LATEST_LATE_DAYS = 45;
    /** How unequal units of the same share are: communes very (most figures are 0), provinces less. */
    static final double COMMUNE_LEVEL_SHAPE = 1.2;
    static final double DEPARTMENT_LEVEL_SHAPE = 4;

    private final Catalog catalog;
    private final ProgrammePeriod period;
    private final List<Integer> years;
    private final FormTemplateWriter writer;
    private final Map<String, UnitTimeline> timelines;
    private final Map<String, IndicatorProfile> profiles;
    private final Map<String, Double> provinceWeights = new HashMap<>();
    private final double nationalWeight;
    private final int referenceCommunes;
    private final int provinces;

    public SyntheticForms(Catalog catalog, AdministrativeUnits units) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.period = catalog.period();
        this.years = period.years();
        this.writer = new FormTemplateWriter(catalog);
        this.timelines = UnitTimeline.build(requireNonNull(units, "units is null"), period);
        this.profiles = IndicatorProfile.load();
        // shares are taken against the whole country in the last full year, so that a province gets the same
        // figures whether it is generated alone or with all the others
        int reference = referenceYear();
        double total = 0;
        int communes = 0;
        for (UnitTimeline unit : timelines.values()) {
            if (unit.level() == UnitLevel.COMMUNE && unit.existed(reference)) {
                double weight = communeWeight(unit);
                total += weight;
                communes++;
                provinceWeights.merge(unit.provinceCode(), weight, Double::sum);
            }
        }
        this.nationalWeight = total;
        this.referenceCommunes = communes;
        this.provinces = (int) timelines.values().stream().filter(unit -> unit.level() == UnitLevel.PROVINCE).count();
    }

    private int referenceYear() {
        for (int index = years.size() - 1; index >= 0; index--) {
            if (!period.isPartial(years.get(index))) {
                return index;
            }
        }
        return years.size() - 1;
    }

    /** Wards see more of the trade than towns, towns more than rural communes. */
    static double communeWeight(UnitTimeline unit) {
        return switch (unit.latest().type()) {
            case "Phường" -> 3.0;
            case "Thị trấn" -> 1.6;
            case "Xã" -> 0.6;
            default -> 1.0;
        };
    }

    /** Whether {@code code} is a province of the history, the codes a scope may name. */
    public boolean isProvince(String code) {
        UnitTimeline unit = timelines.get(code);
        return unit != null && unit.level() == UnitLevel.PROVINCE;
    }

    /**
     * Writes the forms into {@code directory}, which must be empty or absent (see {@link #clearPreviousOutput}).
     *
     * @throws IllegalArgumentException if the scope names no province or the years are outside the period
     */
    public GenerationSummary generate(GenerationOptions options, Path directory, Progress progress) throws IOException {
        requireNonNull(options, "options is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(progress, "progress is null");
        options.scope().provinceCode().ifPresent(code -> {
            if (!isProvince(code)) {
                throw new IllegalArgumentException("No province " + code + " in the 2021–2025 history of administrative units");
            }
        });
        if (!period.contains(options.firstYear()) || !period.contains(options.lastYear())) {
            throw new IllegalArgumentException("Years " + options.firstYear() + "-" + options.lastYear() + " are outside the period " + period.code());
        }
        long started = System.nanoTime();
        ValueGenerator generator = new ValueGenerator(catalog, profiles, options.seed());
        Plan plan = plan(options, generator);
        Files.createDirectories(directory);
        progress.start("Sinh biểu mẫu / generating forms", plan.files.size());
        ExpectedTotals totals = new ExpectedTotals(generator);
        Mistakes mistakes = new Mistakes(generator);
        List<Future<?>> written = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "pcmd-generate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (FilePlan file : plan.files) {
                written.add(executor.submit(() -> {
                    write(file, directory, options, generator, mistakes, totals);
                    progress.advance(1);
                    return null;
                }));
            }
            for (Future<?> future : written) {
                future.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing forms", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        finally {
            executor.shutdownNow();
            progress.finish();
        }
        writeManifest(directory.resolve(MANIFEST), plan.files);
        totals.write(directory.resolve(EXPECTED_TOTALS));
        writeCsv(directory.resolve(NOT_REPORTING), NOT_REPORTING_HEADER, plan.notReporting);
        writeCsv(directory.resolve(DISCREPANCIES), DISCREPANCIES_HEADER, plan.discrepancies);
        return new GenerationSummary(directory,
                count(plan.files, Form.IIA, UnitLevel.COMMUNE),
                count(plan.files, Form.IIA, UnitLevel.DISTRICT),
                count(plan.files, Form.IIA, UnitLevel.PROVINCE),
                (int) plan.files.stream().filter(file -> file.form == Form.IA).count(),
                plan.notReporting.size(),
                (int) plan.files.stream().filter(file -> file.late).count(),
                (int) plan.files.stream().filter(file -> file.error().isPresent()).count(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static int count(List<FilePlan> files, Form form, UnitLevel level) {
        return (int) files.stream().filter(file -> file.form == form && file.level() == level).count();
    }

    private static final class Plan {
        final List<FilePlan> files = new ArrayList<>();
        final List<List<String>> notReporting = new ArrayList<>();
        final List<List<String>> discrepancies = new ArrayList<>();
    }

    private Plan plan(GenerationOptions options, ValueGenerator generator) {
        Plan plan = new Plan();
        long seed = options.seed();
        boolean[] asked = new boolean[years.size()];
        for (int year = 0; year < years.size(); year++) {
            asked[year] = options.includes(years.get(year));
        }
        Map<String, long[]> districtSums = new TreeMap<>();
        Map<String, long[]> provinceSums = new TreeMap<>();
        for (UnitTimeline commune : units(UnitLevel.COMMUNE, options.scope())) {
            boolean[] covered = covered(commune, asked);
            if (covered == null) {
                continue;
            }
            Draws draws = Draws.of(seed, commune.code(), Form.IIA.name(), "");
            boolean reports = !draws.chance(NOT_REPORTING_SHARE);
            boolean late = draws.chance(LATE_SHARE);
            LocalDate submitted = submittedOn(Form.IIA, UnitLevel.COMMUNE, late, draws);
            double share = communeWeight(commune) / nationalWeight * draws.logNormalFactor(0.5);
            long[] values = generator.draw(Form.IIA, indicator -> true, share, referenceCommunes, COMMUNE_LEVEL_SHAPE, commune.exposure(), draws);
            // every year is drawn whatever --years says, so that a unit's figures do not depend on it
            blankYearsNotCovered(values, covered);
            if (!reports) {
                plan.notReporting.add(List.of(commune.code(), UnitLevel.COMMUNE.code(), Form.IIA.name(), commune.provinceCode(), yearsText(covered)));
                continue;
            }
            plan.files.add(new FilePlan(commune.provinceCode() + "/IIA_" + commune.code() + ".xlsx", Form.IIA, commune, Optional.empty(), values, covered,
                    submitted, late));
            for (int year = 0; year < years.size(); year++) {
                if (!covered[year]) {
                    continue;
                }
                String district = commune.parents()[year];
                if (district != null && timelines.containsKey(district) && timelines.get(district).existed(year)) {
                    generator.accumulate(Form.IIA, districtSums.computeIfAbsent(district, ignored -> generator.empty(Form.IIA)), values, year);
                }
                generator.accumulate(Form.IIA, provinceSums.computeIfAbsent(commune.provinceCode(), ignored -> generator.empty(Form.IIA)), values, year);
            }
        }
        for (UnitLevel level : List.of(UnitLevel.DISTRICT, UnitLevel.PROVINCE)) {
            Map<String, long[]> sums = level == UnitLevel.DISTRICT ? districtSums : provinceSums;
            for (UnitTimeline unit : units(level, options.scope())) {
                boolean[] covered = covered(unit, asked);
                if (covered == null) {
                    continue;
                }
                Draws draws = Draws.of(seed, unit.code(), Form.IIA.name(), "");
                boolean late = draws.chance(LATE_SHARE);
                LocalDate submitted = submittedOn(Form.IIA, level, late, draws);
                long[] sum = sums.get(unit.code());
                if (sum == null) {
                    // no commune reported to it (an island district without communes): it has nothing to send
                    continue;
                }
                long[] values = sum.clone();
                blankYearsNotCovered(values, covered);
                String file = unit.provinceCode() + "/IIA_" + unit.code() + ".xlsx";
                if (draws.chance(DISCREPANCY_SHARE)) {
                    misreport(file, unit, values, generator, draws).ifPresent(plan.discrepancies::add);
                }
                plan.files.add(new FilePlan(file, Form.IIA, unit, Optional.empty(), values, covered, submitted, late));
            }
        }
        for (UnitTimeline province : units(UnitLevel.PROVINCE, options.scope())) {
            boolean[] covered = covered(province, asked);
            if (covered == null) {
                continue;
            }
            double provinceActivity = Draws.of(seed, province.code(), Form.IA.name(), "activity").logNormalFactor(0.3);
            for (Agency agency : catalog.agencies()) {
                Draws draws = Draws.of(seed, province.code(), Form.IA.name(), agency.code());
                boolean late = draws.chance(LATE_SHARE);
                LocalDate submitted = submittedOn(Form.IA, UnitLevel.PROVINCE, late, draws);
                double share = provinceWeights.getOrDefault(province.code(), 0.0) / nationalWeight * provinceActivity * draws.logNormalFactor(0.25);
                long[] values = generator.draw(Form.IA, indicator -> indicator.agency().map(agency.code()::equals).orElse(true), share, provinces,
                        DEPARTMENT_LEVEL_SHAPE, province.exposure(), draws);
                blankYearsNotCovered(values, covered);
                plan.files.add(new FilePlan(province.code() + "/IA_" + province.code() + "_" + agency.code() + ".xlsx", Form.IA, province,
                        Optional.of(agency.code()), values, covered, submitted, late));
            }
        }
        plan.files.sort(Comparator.comparing(file -> file.file));
        plan.discrepancies.sort(Comparator.comparing(row -> row.get(0)));
        if (options.errorShare() > 0) {
            assignErrors(plan.files, options, new Mistakes(generator));
        }
        return plan;
    }

    private List<UnitTimeline> units(UnitLevel level, GenerationScope scope) {
        return timelines.values().stream().filter(unit -> unit.level() == level && scope.includesProvince(unit.provinceCode())).toList();
    }

    /** The years asked for in which the unit existed; null if none. */
    private static boolean[] covered(UnitTimeline unit, boolean[] asked) {
        boolean[] covered = new boolean[asked.length];
        boolean any = false;
        for (int year = 0; year < asked.length; year++) {
            covered[year] = asked[year] && unit.existed(year);
            any |= covered[year];
        }
        return any ? covered : null;
    }

    private void blankYearsNotCovered(long[] values, boolean[] covered) {
        int yearCount = years.size();
        for (int cell = 0; cell < values.length; cell++) {
            if (!covered[cell % yearCount]) {
                values[cell] = ValueGenerator.EMPTY;
            }
        }
    }

    private LocalDate submittedOn(Form form, UnitLevel level, boolean late, Draws draws) {
        ReportingDeadline deadline = catalog.deadlines().stream()
                .filter(candidate -> candidate.form() == form && candidate.reporterLevel().equals(level.code()))
                .findFirst()
                .or(() -> catalog.deadlines().stream().filter(candidate -> candidate.form() == form).findFirst())
                .orElseThrow(() -> new IllegalStateException("deadlines.csv has no deadline for " + form));
        if (late) {
            return deadline.deadline().plusDays(draws.integer(1, LATEST_LATE_DAYS));
        }
        LocalDate earliest = deadline.coversTo().plusDays(FIRST_SUBMISSION_DAYS);
        long days = Math.max(0, ChronoUnit.DAYS.between(earliest, deadline.deadline()));
        return earliest.plusDays(draws.integer(0, (int) days));
    }

    /** Adds a little to one whole-number total of a consolidated form, as a district that miscounted would. */
    private Optional<List<String>> misreport(String file, UnitTimeline unit, long[] values, ValueGenerator generator, Draws draws) {
        List<Indicator> indicators = generator.indicators(Form.IIA);
        int yearCount = years.size();
        List<Integer> cells = new ArrayList<>();
        for (int row = 0; row < indicators.size(); row++) {
            Indicator indicator = indicators.get(row);
            if (indicator.valueType() != ValueType.COUNT || indicator.parentCode().isPresent()) {
                continue;
            }
            for (int year = 0; year < yearCount; year++) {
                if (values[row * yearCount + year] != ValueGenerator.EMPTY) {
                    cells.add(row * yearCount + year);
                }
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        int cell = cells.get(draws.integer(cells.size()));
        long rolledUp = values[cell];
        values[cell] = rolledUp + 10L * draws.integer(1, 3);
        return Optional.of(List.of(file, unit.code(), unit.level().code(), indicators.get(cell / yearCount).code(), Integer.toString(years.get(cell % yearCount)),
                Long.toString(rolledUp / 10), Long.toString(values[cell] / 10)));
    }

    /** About {@code errorShare} of the files, at least one, get an error each; the kinds take turns. */
    private void assignErrors(List<FilePlan> files, GenerationOptions options, Mistakes mistakes) {
        int count = (int) Math.max(1, Math.round(files.size() * options.errorShare()));
        Draws draws = Draws.of(options.seed(), "errors");
        ErrorKind[] kinds = ErrorKind.values();
        for (int slot = 0; slot < count; slot++) {
            ErrorKind kind = kinds[slot % kinds.length];
            List<FilePlan> eligible = files.stream()
                    .filter(file -> file.error().isEmpty() && mistakes.applicable(kind, file, writer.rows(file.identity()), options.lastYear()))
                    .toList();
            if (!eligible.isEmpty()) {
                eligible.get(draws.integer(eligible.size())).error(kind);
            }
        }
    }

    private void write(FilePlan plan, Path directory, GenerationOptions options, ValueGenerator generator, Mistakes mistakes, ExpectedTotals totals)
            throws IOException {
        List<FormRow> rows = writer.rows(plan.identity());
        int yearCount = years.size();
        FormValues values = new FormValues();
        Draws typing = Draws.of(options.seed(), plan.streamKey("typing"));
        for (FormRow row : rows) {
            if (row.indicator().isEmpty()) {
                continue;
            }
            Indicator indicator = row.indicator().get();
            int position = generator.position(plan.form, indicator.code());
            for (int year = 0; year < yearCount; year++) {
                long tenths = plan.values[position * yearCount + year];
                if (plan.years[year] && tenths != ValueGenerator.EMPTY) {
                    values.put(indicator.code(), years.get(year), OfficeTyping.cell(indicator, tenths, typing));
                }
            }
        }
        if (plan.error().isPresent()) {
            ErrorKind applied = mistakes.apply(plan.error().get(), plan, rows, values, options.lastYear(), Draws.of(options.seed(), plan.streamKey("error")));
            plan.error(applied);
        }
        Path file = directory.resolve(plan.file);
        Files.createDirectories(file.getParent());
        writer.writeFilled(plan.identity(), values, file);
        if (plan.expectedAccepted()) {
            totals.add(plan, rows);
        }
    }

    private void writeManifest(Path file, List<FilePlan> files) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (FilePlan plan : files) {
            rows.add(List.of(plan.file, plan.form.name(), plan.unit.code(), plan.level().code(), plan.agency.orElse(""), yearsText(plan.years),
                    plan.submittedOn.toString(), Boolean.toString(plan.late), plan.error().map(ErrorKind::code).orElse(""),
                    plan.expectedAccepted() ? ACCEPTED : REJECTED));
        }
        writeCsv(file, MANIFEST_HEADER, rows);
    }

    /** Years as ranges: "2021-2024", "2025", "2021-2022,2024". */
    private String yearsText(boolean[] covered) {
        List<String> ranges = new ArrayList<>();
        int start = -1;
        for (int year = 0; year <= covered.length; year++) {
            boolean in = year < covered.length && covered[year];
            if (in && start < 0) {
                start = year;
            }
            if (!in && start >= 0) {
                int end = year - 1;
                ranges.add(start == end ? years.get(start).toString() : years.get(start) + "-" + years.get(end));
                start = -1;
            }
        }
        return String.join(",", ranges);
    }

    static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    /**
     * Empties a directory a previous run wrote: the files its manifest lists, the run's CSV files and the folders
     * left empty. Returns false, touching nothing, if the directory holds anything else (it may be someone's data).
     */
    public static boolean clearPreviousOutput(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                return true;
            }
        }
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        List<Path> listed = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(manifest, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord record : parser) {
                String relative = record.get("file");
                Path path = directory.resolve(relative).normalize();
                if (!path.startsWith(directory.normalize()) || !relative.endsWith(".xlsx")) {
                    return false;
                }
                listed.add(path);
            }
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            // not a manifest this program wrote
            return false;
        }
        for (Path path : listed) {
            Files.deleteIfExists(path);
        }
        for (String name : SIDECAR_FILES) {
            Files.deleteIfExists(directory.resolve(name));
        }
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try (Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
        return true;
    }

    /** The sums expected_totals.csv holds, added up as files are written (integers in tenths: any order gives the same sum). */
    private final class ExpectedTotals {
        private final ValueGenerator generator;
        private final Map<String, long[]> sums = new HashMap<>();
        private final Map<String, long[]> cells = new HashMap<>();

        ExpectedTotals(ValueGenerator generator) {
            this.generator = generator;
        }

        synchronized void add(FilePlan plan, List<FormRow> rows) {
            String key = plan.form.name() + "|" + plan.level().code() + "|" + plan.agency.orElse("");
            int yearCount = years.size();
            long[] sum = sums.computeIfAbsent(key, ignored -> new long[generator.indicators(plan.form).size() * yearCount]);
            long[] count = cells.computeIfAbsent(key, ignored -> new long[sum.length]);
            for (FormRow row : rows) {
                if (row.indicator().isEmpty()) {
                    continue;
                }
                int position = generator.position(plan.form, row.code());
                for (int year = 0; year < yearCount; year++) {
                    long tenths = plan.values[position * yearCount + year];
                    if (plan.years[year] && tenths != ValueGenerator.EMPTY) {
                        sum[position * yearCount + year] += tenths;
                        count[position * yearCount + year]++;
                    }
                }
            }
        }

        void write(Path file) throws IOException {
            List<String> keys = new ArrayList<>(sums.keySet());
            Map<String, Integer> agencyOrder = new HashMap<>();
            catalog.agencies().forEach(agency -> agencyOrder.put(agency.code(), agency.position()));
            keys.sort(Comparator.<String, String>comparing(key -> key.split("\\|", -1)[0])
                    .thenComparing(key -> UnitLevel.parse(key.split("\\|", -1)[1]).orElseThrow().ordinal(), Comparator.reverseOrder())
                    .thenComparing(key -> agencyOrder.getOrDefault(key.split("\\|", -1)[2], 0)));
            List<List<String>> rows = new ArrayList<>();
            int yearCount = years.size();
            for (String key : keys) {
                String[] parts = key.split("\\|", -1);
                Form form = Form.valueOf(parts[0]);
                List<Indicator> indicators = generator.indicators(form);
                long[] sum = sums.get(key);
                long[] count = cells.get(key);
                for (int row = 0; row < indicators.size(); row++) {
                    Indicator indicator = indicators.get(row);
                    for (int year = 0; year < yearCount; year++) {
                        int cell = row * yearCount + year;
                        if (count[cell] == 0) {
                            continue;
                        }
                        String value = indicator.valueType() == ValueType.MONEY
                                ? BigDecimal.valueOf(sum[cell], 1).toPlainString()
                                : Long.toString(sum[cell] / 10);
                        rows.add(List.of(parts[0], parts[1], parts[2], indicator.code(), Integer.toString(years.get(year)), value, Long.toString(count[cell])));
                    }
                }
            }
            writeCsv(file, EXPECTED_TOTALS_HEADER, rows);
        }
    }
}
