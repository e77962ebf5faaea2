package vn.pcmd.ingest.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.core.units.AbolishedCommune;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.UnitVersion;
import vn.pcmd.ingest.form.FormLayout;
import vn.pcmd.ingest.form.FormWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator on Đà Nẵng (province 48): small (about 60 communes, 7 districts with communes) and with wards abolished at the end
 * of 2024, so that every rule about years shows.
 */
class TestSyntheticForms {
    private static final String PROVINCE = "48";
    private static final Catalog CATALOG = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
    private static final AdministrativeUnits UNITS = new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load();
    private static final int YEARS = CATALOG.period().years().size();
    private static final SyntheticForms FORMS = new SyntheticForms(CATALOG, UNITS);

    @TempDir
    static Path directory;

    private static Path clean;
    private static GenerationSummary summary;

    /** The clean run's workbooks, read once: several tests go through all of them. */
    private static final Map<String, FormWorkbook> CLEAN_WORKBOOKS = new HashMap<>();

    @AfterAll
    static void close() {
        CLEAN_WORKBOOKS.values().forEach(FormWorkbook::close);
    }

    private static synchronized FormWorkbook cleanWorkbook(String file) {
        return CLEAN_WORKBOOKS.computeIfAbsent(file, name -> FormWorkbook.open(clean.resolve(name), YEARS));
    }

    @BeforeAll
    static void generate() throws IOException {
        clean = directory.resolve("clean");
        CountingProgress progress = new CountingProgress();
        summary = FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2021, 2025, 7), clean, progress);
        assertThat(progress.total.get()).isEqualTo(summary.files());
        assertThat(progress.done.get()).isEqualTo(summary.files());
    }

    @Test
    void writesOneFormPerReportingCommuneDistrictProvinceAndDepartment() throws IOException {
        Set<String> communes = UNITS.history().stream()
                .filter(version -> version.unit().level() == UnitLevel.COMMUNE && version.unit().provinceCode().equals(PROVINCE))
                .map(version -> version.unit().code())
                .collect(Collectors.toSet());
        Set<String> districts = UNITS.history().stream()
                .filter(version -> version.unit().level() == UnitLevel.COMMUNE && version.unit().provinceCode().equals(PROVINCE))
                .map(version -> version.unit().parentCode().orElseThrow())
                .collect(Collectors.toSet());
        List<CSVRecord> notReporting = csv(clean.resolve(SyntheticForms.NOT_REPORTING));
        List<CSVRecord> manifest = csv(clean.resolve(SyntheticForms.MANIFEST));

        assertThat(communes).hasSizeGreaterThan(50);
        // Hoàng Sa, an island district without communes, sends nothing
        assertThat(districts).hasSize(7).doesNotContain("498");
        assertThat(notReporting).allSatisfy(row -> assertThat(communes).contains(row.get("unit_code")));
        assertThat(count(manifest, "IIA", "commune")).isEqualTo(communes.size() - notReporting.size()).isEqualTo(summary.communeForms());
        assertThat(count(manifest, "IIA", "district")).isEqualTo(districts.size()).isEqualTo(summary.districtForms());
        assertThat(count(manifest, "IIA", "province")).isEqualTo(1);
        assertThat(count(manifest, "IA", "province")).isEqualTo(11).isEqualTo(summary.departmentForms());
        assertThat(manifest).hasSize(summary.files());
        assertThat(xlsxFiles(clean)).isEqualTo(manifest.stream().map(row -> row.get("file")).sorted().toList());
        assertThat(manifest).allSatisfy(row -> {
            assertThat(row.get("expected_outcome")).isEqualTo(SyntheticForms.ACCEPTED);
            assertThat(row.get("error_kind")).isEmpty();
        });
        assertThat(header(clean.resolve(SyntheticForms.MANIFEST))).isEqualTo(SyntheticForms.MANIFEST_HEADER);
        assertThat(manifest).anySatisfy(row -> assertThat(row.get("file")).isEqualTo("48/IA_48_police.xlsx"));
        assertThat(manifest).anySatisfy(row -> assertThat(row.get("file")).isEqualTo("48/IIA_48.xlsx"));
        assertThat(summary.communesNotReporting()).isEqualTo(notReporting.size());
    }

    @Test
    void filesSayWhoSentThemAndWhen() throws IOException {
        LocalDate deadline = LocalDate.of(2025, 8, 30);
        for (CSVRecord row : csv(clean.resolve(SyntheticForms.MANIFEST))) {
            LocalDate submitted = LocalDate.parse(row.get("submitted_on"));
            assertThat(submitted.isAfter(deadline)).as(row.get("file")).isEqualTo(Boolean.parseBoolean(row.get("late")));
            assertThat(submitted).isAfterOrEqualTo(LocalDate.of(2025, 7, 15));
        }
        try (FormWorkbook workbook = FormWorkbook.open(clean.resolve("48/IA_48_culture.xlsx"), YEARS)) {
            assertThat(workbook.metadata()).containsEntry("form", "IA").containsEntry("unit_code", "48").containsEntry("agency", "culture")
                    .containsEntry("unit_name", "Thành phố Đà Nẵng").containsKey("submitted_on");
            Map<String, Integer> rows = workbook.rowsByCode();
            assertThat(rows.keySet()).contains("ia_staff_fulltime", "ia_culture_venues_total").doesNotContain("ia_police_hotspots");
            int venues = rows.get("ia_culture_venues_total");
            for (int column = FormLayout.FIRST_YEAR_COLUMN; column < FormLayout.totalColumn(YEARS); column++) {
                assertThat(workbook.figure(venues, column)).isPresent();
            }
        }
    }

    @Test
    void aCommuneAbolishedAtTheEndOf2024Leaves2025Empty() throws IOException {
        Set<String> notReporting = csv(clean.resolve(SyntheticForms.NOT_REPORTING)).stream().map(row -> row.get("unit_code")).collect(Collectors.toSet());
        AbolishedCommune abolished = UNITS.abolished().stream()
                .filter(commune -> commune.provinceCode().equals(PROVINCE) && commune.validTo().equals(LocalDate.of(2024, 12, 31)))
                .filter(commune -> !notReporting.contains(commune.code()))
                .findFirst()
                .orElseThrow();
        CSVRecord row = csv(clean.resolve(SyntheticForms.MANIFEST)).stream()
                .filter(record -> record.get("unit_code").equals(abolished.code()))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("years")).isEqualTo("2021-2024");
        FormWorkbook workbook = cleanWorkbook(row.get("file"));
        int column2025 = FormLayout.FIRST_YEAR_COLUMN + CATALOG.period().years().indexOf(2025);
        int column2024 = column2025 - 1;
        int filled2024 = 0;
        for (Map.Entry<String, Integer> entry : workbook.rowsByCode().entrySet()) {
            assertThat(workbook.figure(entry.getValue(), column2025)).as(entry.getKey()).isEmpty();
            filled2024 += workbook.figure(entry.getValue(), column2024).isPresent() ? 1 : 0;
        }
        assertThat(filled2024).isGreaterThan(40);
    }

    @Test
    void figuresAreWholeWhereCountedAndBreakdownsStayWithinTheirTotals() throws IOException {
        int cells = 0;
        int zeros = 0;
        for (CSVRecord row : csv(clean.resolve(SyntheticForms.MANIFEST))) {
            FormWorkbook workbook = cleanWorkbook(row.get("file"));
            Map<String, Integer> rows = workbook.rowsByCode();
            for (Map.Entry<String, Integer> entry : rows.entrySet()) {
                Optional<Indicator> indicator = CATALOG.indicator(entry.getKey());
                assertThat(indicator.isPresent() || CATALOG.section(entry.getKey()).isPresent()).as(entry.getKey()).isTrue();
                if (indicator.isEmpty()) {
                    continue;
                }
                double sumOfYears = 0;
                boolean anyYear = false;
                for (int year = 0; year < YEARS; year++) {
                    int column = FormLayout.FIRST_YEAR_COLUMN + year;
                    Optional<Double> figure = workbook.figure(entry.getValue(), column);
                    if (figure.isEmpty()) {
                        continue;
                    }
                    double value = figure.get();
                    cells++;
                    zeros += value == 0 ? 1 : 0;
                    anyYear = true;
                    sumOfYears += value;
                    String where = row.get("file") + " " + entry.getKey() + " " + CATALOG.period().years().get(year);
                    assertThat(value).as(where).isGreaterThanOrEqualTo(0);
                    switch (indicator.get().valueType()) {
                        case COUNT -> assertThat(value).as(where).isEqualTo(Math.rint(value));
                        case MONEY -> assertThat(value * 10).as(where).isCloseTo(Math.rint(value * 10), org.assertj.core.data.Offset.offset(1e-6));
                        case YES_NO -> assertThat(workbook.cell(entry.getValue(), column).getStringCellValue()).as(where).isIn("Có", "Không", "x");
                    }
                    if (indicator.get().parentCode().isPresent() && indicator.get().ofWhichWithinTotal()) {
                        String parent = indicator.get().parentCode().get();
                        double total = workbook.figure(rows.get(parent), column).orElseThrow();
                        double parts = CATALOG.children(parent).stream()
                                .filter(Indicator::ofWhichWithinTotal)
                                .mapToDouble(child -> workbook.figure(rows.get(child.code()), column).orElse(0.0))
                                .sum();
                        assertThat(value).as(where).isLessThanOrEqualTo(total);
                        assertThat(parts).as(where).isLessThanOrEqualTo(total + 1e-9);
                    }
                }
                if (anyYear && indicator.get().valueType() != ValueType.YES_NO) {
                    Cell total = workbook.cell(entry.getValue(), FormLayout.totalColumn(YEARS));
                    assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(total.getNumericCellValue()).as(row.get("file") + " " + entry.getKey()).isCloseTo(sumOfYears, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
        assertThat(cells).isGreaterThan(10_000);
        // most commune figures are small: a good share of the cells are 0
        assertThat(zeros).isGreaterThan(cells / 5);
    }

    @Test
    void consolidatedFormsAddUpTheirCommunesButForAFewMisreportedFigures() throws IOException {
        Map<String, Integer> position = new HashMap<>();
        List<Indicator> indicators = CATALOG.indicators(Form.IIA);
        for (int index = 0; index < indicators.size(); index++) {
            position.put(indicators.get(index).code(), index);
        }
        Map<String, double[]> rolledUp = new TreeMap<>();
        List<CSVRecord> manifest = csv(clean.resolve(SyntheticForms.MANIFEST));
        Map<String, Map<String, double[]>> reported = new TreeMap<>();
        for (CSVRecord row : manifest) {
            if (!row.get("form").equals("IIA")) {
                continue;
            }
            double[] values = read(cleanWorkbook(row.get("file")), position);
            if (row.get("unit_level").equals("commune")) {
                for (int year = 0; year < YEARS; year++) {
                    int yearIndex = year;
                    int calendarYear = CATALOG.period().years().get(year);
                    Optional<UnitVersion> version = UNITS.versions(row.get("unit_code")).stream()
                            .filter(candidate -> candidate.overlaps(LocalDate.of(calendarYear, 1, 1), LocalDate.of(calendarYear, 12, 31)))
                            .reduce((first, second) -> second);
                    if (version.isEmpty()) {
                        continue;
                    }
                    for (String target : List.of(version.get().unit().parentCode().orElseThrow(), PROVINCE)) {
                        double[] sums = rolledUp.computeIfAbsent(target, ignored -> new double[values.length]);
                        for (int cell = yearIndex; cell < values.length; cell += YEARS) {
                            if (!Double.isNaN(values[cell])) {
                                boolean yesNo = indicators.get(cell / YEARS).valueType() == ValueType.YES_NO;
                                sums[cell] = yesNo ? Math.max(sums[cell], values[cell]) : sums[cell] + values[cell];
                            }
                        }
                    }
                }
            }
            else {
                reported.put(row.get("unit_code"), Map.of(row.get("file"), values));
            }
        }
        Map<String, CSVRecord> discrepancies = csv(clean.resolve(SyntheticForms.DISCREPANCIES)).stream()
                .collect(Collectors.toMap(record -> record.get("unit_code"), record -> record));
        assertThat(reported).hasSize(7 + 1);
        for (Map.Entry<String, Map<String, double[]>> unit : reported.entrySet()) {
            double[] values = unit.getValue().values().iterator().next();
            double[] expected = rolledUp.get(unit.getKey());
            for (int cell = 0; cell < values.length; cell++) {
                double value = Double.isNaN(values[cell]) ? 0 : values[cell];
                String code = indicators.get(cell / YEARS).code();
                String year = Integer.toString(CATALOG.period().years().get(cell % YEARS));
                CSVRecord discrepancy = discrepancies.get(unit.getKey());
                if (discrepancy != null && discrepancy.get("indicator_code").equals(code) && discrepancy.get("year").equals(year)) {
                    assertThat(value).isEqualTo(Double.parseDouble(discrepancy.get("reported")));
                    assertThat(expected[cell]).isEqualTo(Double.parseDouble(discrepancy.get("rolled_up")));
                    assertThat(value).isGreaterThan(expected[cell]);
                }
                else {
                    assertThat(value).as(unit.getKey() + " " + code + " " + year).isCloseTo(expected[cell], org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void expectedTotalsAreTheSumsOfTheCellsReadBack() throws IOException {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (CSVRecord row : csv(clean.resolve(SyntheticForms.MANIFEST))) {
            if (!row.get("expected_outcome").equals(SyntheticForms.ACCEPTED)) {
                continue;
            }
            FormWorkbook workbook = cleanWorkbook(row.get("file"));
            for (Map.Entry<String, Integer> entry : workbook.rowsByCode().entrySet()) {
                if (CATALOG.indicator(entry.getKey()).isEmpty()) {
                    continue;
                }
                for (int year = 0; year < YEARS; year++) {
                    Optional<Double> figure = workbook.figure(entry.getValue(), FormLayout.FIRST_YEAR_COLUMN + year);
                    if (figure.isPresent()) {
                        String key = String.join("|", row.get("form"), row.get("unit_level"), row.get("agency"), entry.getKey(),
                                CATALOG.period().years().get(year).toString());
                        sums.merge(key, BigDecimal.valueOf(figure.get()), BigDecimal::add);
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        List<CSVRecord> expected = csv(clean.resolve(SyntheticForms.EXPECTED_TOTALS));
        assertThat(header(clean.resolve(SyntheticForms.EXPECTED_TOTALS))).isEqualTo(SyntheticForms.EXPECTED_TOTALS_HEADER);
        assertThat(expected).hasSize(sums.size());
        for (CSVRecord row : expected) {
            String key = String.join("|", row.get("form"), row.get("unit_level"), row.get("agency"), row.get("indicator_code"), row.get("year"));
            assertThat(sums).as(key).containsKey(key);
            assertThat(new BigDecimal(row.get("value"))).as(key).isEqualByComparingTo(sums.get(key));
            assertThat(Integer.parseInt(row.get("cells"))).as(key).isEqualTo(counts.get(key));
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherFigures() throws IOException {
        Path again = directory.resolve("again");
        FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2021, 2025, 7).withThreads(1), again, Progress.NONE);
        assertThat(digests(again)).isEqualTo(digests(clean));

        Path other = directory.resolve("other");
        FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2021, 2025, 8), other, Progress.NONE);
        assertThat(digests(other).get("48/IIA_48.xlsx")).isNotEqualTo(digests(clean).get("48/IIA_48.xlsx"));
        assertThat(Files.readString(other.resolve(SyntheticForms.EXPECTED_TOTALS))).isNotEqualTo(Files.readString(clean.resolve(SyntheticForms.EXPECTED_TOTALS)));
    }

    @Test
    void fewerYearsLeaveTheOthersEmptyAndKeepTheFigures() throws IOException {
        Path later = directory.resolve("later");
        FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2024, 2025, 7), later, Progress.NONE);
        Map<String, String> all = csv(clean.resolve(SyntheticForms.EXPECTED_TOTALS)).stream()
                .filter(row -> row.get("unit_level").equals("commune") || row.get("form").equals("IA"))
                .collect(Collectors.toMap(SyntheticFormsKey::of, row -> row.get("value")));
        List<CSVRecord> totals = csv(later.resolve(SyntheticForms.EXPECTED_TOTALS));
        assertThat(totals).allSatisfy(row -> assertThat(row.get("year")).isIn("2024", "2025"));
        // a unit's figures come from its own stream: asking for fewer years changes none of them
        assertThat(totals.stream().filter(row -> row.get("form").equals("IA")))
                .allSatisfy(row -> assertThat(row.get("value")).isEqualTo(all.get(SyntheticFormsKey.of(row))));
    }

    @Test
    void withErrorsEveryKindShowsUpInAFileToBeRejected() throws IOException {
        Path spoiled = directory.resolve("spoiled");
        GenerationSummary errors = FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2021, 2025, 7).withErrors(0.15), spoiled, Progress.NONE);
        List<CSVRecord> manifest = csv(spoiled.resolve(SyntheticForms.MANIFEST));
        Map<String, CSVRecord> byKind = manifest.stream().filter(row -> !row.get("error_kind").isEmpty())
                .collect(Collectors.toMap(row -> row.get("error_kind"), row -> row, (first, second) -> first, TreeMap::new));
        assertThat(byKind.keySet()).containsExactlyInAnyOrderElementsOf(Stream.of(ErrorKind.values()).map(ErrorKind::code).toList());
        assertThat(errors.withErrors()).isEqualTo(manifest.stream().filter(row -> !row.get("error_kind").isEmpty()).count());
        for (CSVRecord row : byKind.values()) {
            ErrorKind kind = Stream.of(ErrorKind.values()).filter(candidate -> candidate.code().equals(row.get("error_kind"))).findFirst().orElseThrow();
            assertThat(row.get("expected_outcome")).isEqualTo(kind.rejectsFile() ? SyntheticForms.REJECTED : SyntheticForms.ACCEPTED);
            try (FormWorkbook workbook = FormWorkbook.open(spoiled.resolve(row.get("file")), YEARS)) {
                assertThat(hasError(workbook, kind)).as(row.get("file") + " " + kind).isTrue();
            }
        }
        // a spoiled file is left out of the totals: they equal the clean run's less its figures
        assertThat(csv(spoiled.resolve(SyntheticForms.EXPECTED_TOTALS))).isNotEmpty();
    }

    @Test
    void anUnknownProvinceOrYearsOutsideThePeriodAreRefused() {
        assertThatThrownBy(() -> FORMS.generate(GenerationOptions.of(GenerationScope.province("99"), 2021, 2025, 1), directory.resolve("x"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No province 99 in the 2021–2025 history of administrative units");
        assertThatThrownBy(() -> FORMS.generate(GenerationOptions.of(GenerationScope.national(), 2019, 2025, 1), directory.resolve("x"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Years 2019-2025 are outside the period 2021-2025");
        assertThat(GenerationScope.parse("province:75")).contains(GenerationScope.province("75"));
        assertThat(GenerationScope.parse("national")).contains(GenerationScope.national());
        assertThat(GenerationScope.parse("province:7")).isEmpty();
        assertThat(GenerationScope.parse("district:750")).isEmpty();
    }

    @Test
    void everyIndicatorHasAProfileDrawnAfterItsBasis() {
        Map<String, IndicatorProfile> profiles = IndicatorProfile.load();
        assertThat(profiles.keySet()).containsExactlyInAnyOrderElementsOf(CATALOG.indicators().stream().map(Indicator::code).toList());
        for (IndicatorProfile profile : profiles.values()) {
            Indicator indicator = CATALOG.indicator(profile.code()).orElseThrow();
            assertThat(profile.rule() == IndicatorProfile.Rule.YES_NO).as(profile.code()).isEqualTo(indicator.valueType() == ValueType.YES_NO);
            profile.basis().ifPresent(basis -> {
                Indicator basisIndicator = CATALOG.indicator(basis).orElseThrow();
                assertThat(basisIndicator.form()).isEqualTo(indicator.form());
                assertThat(basisIndicator.position()).as(profile.code()).isLessThan(indicator.position());
            });
            if (profile.rule() == IndicatorProfile.Rule.BASE) {
                assertThat(profile.perYear()).as(profile.code()).isPositive();
            }
        }
    }

    @Test
    void aPreviousRunIsClearedButNotSomeoneElsesFolder() throws IOException {
        Path previous = directory.resolve("previous");
        FORMS.generate(GenerationOptions.of(GenerationScope.province(PROVINCE), 2025, 2025, 3), previous, Progress.NONE);
        assertThat(SyntheticForms.clearPreviousOutput(previous)).isTrue();
        try (Stream<Path> left = Files.list(previous)) {
            assertThat(left).isEmpty();
        }
        Path foreign = Files.createDirectories(directory.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThat(SyntheticForms.clearPreviousOutput(foreign)).isFalse();
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    private static boolean hasError(FormWorkbook workbook, ErrorKind kind) {
        Map<String, Integer> rows = workbook.rowsByCode();
        int total = FormLayout.totalColumn(YEARS);
        for (Map.Entry<String, Integer> entry : rows.entrySet()) {
            Optional<Indicator> indicator = CATALOG.indicator(entry.getKey());
            if (kind == ErrorKind.UNKNOWN_ROW && entry.getKey().startsWith("#")) {
                return CATALOG.indicators().stream().noneMatch(candidate -> candidate.labelVi().equals(workbook.text(entry.getValue(), 0)));
            }
            if (indicator.isEmpty()) {
                continue;
            }
            double sum = 0;
            for (int column = FormLayout.FIRST_YEAR_COLUMN; column < total; column++) {
                Cell cell = workbook.cell(entry.getValue(), column);
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                ValueType type = indicator.get().valueType();
                if (cell.getCellType() == CellType.NUMERIC) {
                    double value = cell.getNumericCellValue();
                    sum += value;
                    if (kind == ErrorKind.NEGATIVE_VALUE && value < 0
                            || kind == ErrorKind.FRACTION_IN_COUNT && type == ValueType.COUNT && value != Math.rint(value)) {
                        return true;
                    }
                    if (kind == ErrorKind.OF_WHICH_ABOVE_TOTAL && indicator.get().ofWhichWithinTotal() && indicator.get().parentCode().isPresent()
                            && value > workbook.figure(rows.get(indicator.get().parentCode().get()), column).orElse(Double.MAX_VALUE)) {
                        return true;
                    }
                }
                else {
                    String text = cell.getStringCellValue();
                    if (kind == ErrorKind.TEXT_IN_NUMBER && type != ValueType.YES_NO && !text.matches("-|[0-9.]+(,[0-9])?")) {
                        return true;
                    }
                    if (kind == ErrorKind.BAD_YES_NO && type == ValueType.YES_NO && !List.of("Có", "Không", "x").contains(text)) {
                        return true;
                    }
                    sum += text.matches("[0-9.]+(,[0-9])?") ? Double.parseDouble(text.replace(".", "").replace(',', '.')) : 0;
                }
            }
            if (kind == ErrorKind.YEAR_NOT_EXISTING && workbook.figure(entry.getValue(), total - 1).isPresent()) {
                return true;
            }
            Cell totalCell = workbook.cell(entry.getValue(), total);
            if (kind == ErrorKind.TOTAL_MISMATCH && totalCell != null && totalCell.getCellType() == CellType.NUMERIC
                    && Math.abs(totalCell.getNumericCellValue() - sum) > 1e-6) {
                return true;
            }
        }
        return false;
    }

    /** The figures of a Phụ lục IIA file per catalog row and year, NaN where blank. */
    private static double[] read(FormWorkbook workbook, Map<String, Integer> position) {
        double[] values = new double[position.size() * YEARS];
        java.util.Arrays.fill(values, Double.NaN);
        for (Map.Entry<String, Integer> entry : workbook.rowsByCode().entrySet()) {
            Integer row = position.get(entry.getKey());
            if (row == null) {
                continue;
            }
            for (int year = 0; year < YEARS; year++) {
                Optional<Double> figure = workbook.figure(entry.getValue(), FormLayout.FIRST_YEAR_COLUMN + year);
                if (figure.isPresent()) {
                    values[row * YEARS + year] = figure.get();
                }
            }
        }
        return values;
    }

    private static long count(List<CSVRecord> manifest, String form, String level) {
        return manifest.stream().filter(row -> row.get("form").equals(form) && row.get("unit_level").equals(level)).count();
    }

    private static List<String> xlsxFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".xlsx")).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(file).toString(), sha256(file));
            }
        }
        return digests;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> header(Path file) throws IOException {
        return List.of(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).split(","));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    private static final class SyntheticFormsKey {
        static String of(CSVRecord row) {
            return String.join("|", row.get("form"), row.get("unit_level"), row.get("agency"), row.get("indicator_code"), row.get("year"));
        }
    }

    private static final class CountingProgress implements Progress {
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();

        @Override
        public void start(String task, long steps) {
            total.set(steps);
        }

        @Override
        public void advance(long steps) {
            done.addAndGet(steps);
        }

        @Override
        public void finish() {}
    }
}
