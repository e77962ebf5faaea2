package vn.pcmd.core.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.data.DataFileException;
import vn.pcmd.core.testing.TestingDataDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCatalogLoader {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
    }

    @Test
    void theLatestPeriodIs2021To2025WithAHalfYear2025() {
        ProgrammePeriod period = catalog.period();
        assertThat(period.code()).isEqualTo("2021-2025");
        assertThat(period.years()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(period.isPartial(2025)).isTrue();
        assertThat(period.isPartial(2024)).isFalse();
        assertThat(period.partialYearTo()).hasValueSatisfying(date -> assertThat(date).hasToString("2025-06-30"));
    }

    @Test
    void everyFigureCarryingRowOfTheFormsInSeed004IsCatalogedInFormOrderWithItsUnit() throws IOException {
        SeedForms seed = SeedForms.read();
        Map<Form, Integer> searchFrom = new java.util.EnumMap<>(Map.of(Form.IA, seed.iaStart, Form.IIA, seed.iiaStart));
        List<String> unitsNotChecked = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            String printed = (indicator.marker().isEmpty() ? "" : indicator.marker() + " ") + indicator.labelVi();
            int end = indicator.form() == Form.IA ? seed.iaEnd : seed.text.length();
            int at = seed.text.indexOf(printed, searchFrom.get(indicator.form()));
            if (at < 0 || at > end) {
                // the PDF extraction put a unit cell and a page header inside three labels; they are found once both are gone
                assertThat(seed.textWithoutSplitUnits).as("label of %s as printed on the form", indicator.code()).contains(printed);
                unitsNotChecked.add(indicator.code());
                continue;
            }
            searchFrom.put(indicator.form(), at + printed.length());
            String after = seed.text.substring(at + printed.length()).strip();
            if (indicator.note().startsWith("Đơn vị tính để trống")) {
                continue;
            }
            assertThat(after).as("unit of measure printed after %s", indicator.code()).startsWith(indicator.unitVi());
        }
        assertThat(unitsNotChecked).containsExactlyInAnyOrder("ia_labour_ip_workers_reached", "iia_reached_venue_workers", "iia_units_with_model");
        Map<String, Indicator> byCode = catalog.indicators().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
        assertThat(byCode.get("ia_labour_ip_workers_reached").unitVi()).isEqualTo("Người");
        assertThat(byCode.get("iia_reached_venue_workers").unitVi()).isEqualTo("Người");
        assertThat(byCode.get("iia_units_with_model").unitVi()).isEqualTo("Phường, xã, đặc khu");
    }

    @Test
    void theFormsHaveTheirNumberOfRowsAndEveryDepartmentItsSection() {
        assertThat(catalog.indicators(Form.IA)).hasSize(68);
        assertThat(catalog.indicators(Form.IIA)).hasSize(46);
        assertThat(catalog.agencies()).extracting(Agency::code)
                .containsExactly("police", "military", "culture", "education", "justice", "finance", "procuracy", "court", "labour", "women", "health");
        for (Agency agency : catalog.agencies()) {
            assertThat(catalog.indicatorsForAgency(agency.code()))
                    .as("rows of %s", agency.code())
                    .anyMatch(indicator -> indicator.agency().equals(java.util.Optional.of(agency.code())))
                    // section I (management, staff, funding) is filled by every department
                    .anyMatch(indicator -> indicator.code().equals("ia_staff_trained"));
        }
        assertThat(catalog.indicatorsForAgency("police")).hasSize(6 + 8);
    }

    @Test
    void everyParentExistsOnTheSameFormAndComesFirst() {
        for (Indicator indicator : catalog.indicators()) {
            indicator.parentCode().ifPresent(parentCode -> {
                Indicator parent = catalog.indicator(parentCode).orElseThrow();
                assertThat(parent.form()).isEqualTo(indicator.form());
                assertThat(parent.agency()).isEqualTo(indicator.agency());
                assertThat(parent.position()).isLessThan(indicator.position());
            });
        }
        assertThat(catalog.children("iia_violators_total")).extracting(Indicator::code)
                .containsExactly("iia_violators_buyers", "iia_violators_sellers", "iia_violators_sellers_under_18", "iia_violators_pimps");
        assertThat(catalog.children("iia_loans")).extracting(Indicator::code).containsExactly("iia_loan_amount");
    }

    @Test
    void ofWhichWithinTotalHoldsOnlyWhereTheUnitsAgree() {
        for (Indicator indicator : catalog.indicators()) {
            indicator.parentCode().map(code -> catalog.indicator(code).orElseThrow()).ifPresent(parent -> {
                boolean sameMeasure = parent.unitVi().equals(indicator.unitVi()) && parent.valueType() == indicator.valueType();
                assertThat(indicator.ofWhichWithinTotal()).as("of which ≤ total for %s (%s under %s)", indicator.code(), indicator.unitVi(), parent.unitVi())
                        .isEqualTo(sameMeasure);
            });
        }
        // "Lượt người" (visits) under a count of people, money under a count
        assertThat(catalog.indicator("iia_legal_aid").orElseThrow().ofWhichWithinTotal()).isFalse();
        assertThat(catalog.indicator("ia_women_loan_amount").orElseThrow().ofWhichWithinTotal()).isFalse();
        assertThat(catalog.indicator("iia_funding_local").orElseThrow().ofWhichWithinTotal()).isTrue();
    }

    @Test
    void yesNoRowsRollUpAsCountsOfUnitsAnsweringYes() {
        List<Indicator> yesNo = catalog.indicators().stream().filter(indicator -> indicator.valueType() == ValueType.YES_NO).toList();
        assertThat(yesNo).hasSize(6).allSatisfy(indicator -> {
            assertThat(indicator.unitVi()).isEqualTo("Có hoặc không");
            assertThat(indicator.aggregation()).isEqualTo(Aggregation.COUNT_YES);
        });
        assertThat(catalog.indicators()).filteredOn(indicator -> indicator.unitVi().equals("Triệu đồng"))
                .allSatisfy(indicator -> assertThat(indicator.valueType()).isEqualTo(ValueType.MONEY));
    }

    @Test
    void theMisspeltLabelKeepsTheFormsWordsWithACorrectionBeside() {
        Indicator indicator = catalog.indicator("ia_court_defendants_minor_buyers").orElseThrow();
        assertThat(indicator.labelVi()).isEqualTo("Số bị cáo phạm tội mua dâm người chưa thành viên");
        assertThat(indicator.displayLabelVi()).isEqualTo("Số bị cáo phạm tội mua dâm người chưa thành niên");
    }

    @Test
    void sectionHeadingsAreGroupingNotIndicators() {
        Set<String> headingLabels = catalog.sections().stream().map(Section::labelVi).collect(Collectors.toSet());
        assertThat(headingLabels).contains("1. Công an tỉnh", "7. Kinh phí", "Các chương trình đã lồng ghép với hoạt động phòng, chống mại dâm, cụ thể:");
        assertThat(catalog.indicators()).noneMatch(indicator -> headingLabels.contains(indicator.labelVi()));
    }

    @Test
    void derivedIndicatorsReadOnlyCatalogIndicators() {
        assertThat(catalog.derivedIndicators()).isNotEmpty();
        for (DerivedIndicator derived : catalog.derivedIndicators()) {
            List<Measure> measures = new ArrayList<>(List.of(derived.numerator()));
            derived.denominator().ifPresent(measures::add);
            for (Measure measure : measures) {
                measure.indicatorCodes().forEach(code -> assertThat(catalog.indicator(code)).as("%s reads %s", derived.code(), code).isPresent());
            }
        }
    }

    @Test
    void aDuplicatedCodeFailsNamingFileLineAndFix(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.catalogDirectory("2021-2025").resolve("indicators.csv");
        int line = TestingDataDirectory.lineStartingWith(file, "ia_staff_parttime,");
        TestingDataDirectory.editLine(file, line, text -> text.replace("ia_staff_parttime,", "ia_staff_fulltime,"));
        assertThatThrownBy(() -> new CatalogLoader(data).loadLatest())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": duplicate code 'ia_staff_fulltime' (first defined on line " + (line - 1) + "); give each row its own code");
    }

    @Test
    void aMissingParentFailsNamingFileLineAndFix(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.catalogDirectory("2021-2025").resolve("indicators.csv");
        int line = TestingDataDirectory.lineStartingWith(file, "iia_violators_buyers,");
        TestingDataDirectory.editLine(file, line, text -> text.replace(",iia_violators_total,", ",iia_violators_all,"));
        assertThatThrownBy(() -> new CatalogLoader(data).loadLatest())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": parent_code 'iia_violators_all' is not the code of any indicator in indicators.csv; "
                        + "name the row this one breaks down, or leave parent_code empty");
    }

    @Test
    void aDerivedIndicatorOnAnUnknownIndicatorFails(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.catalogDirectory("2021-2025").resolve("derived.csv");
        TestingDataDirectory.appendLine(file, "d_broken,Hỏng,Broken,value,sum,iia_no_such_row,,,,1,Người,");
        int line = TestingDataDirectory.lineStartingWith(file, "d_broken,");
        assertThatThrownBy(() -> new CatalogLoader(data).loadLatest())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": column 'numerator' names indicator 'iia_no_such_row', which is not in indicators.csv; use a catalog code");
    }

    @Test
    void aWrongValueTypeListsTheAllowedOnes(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.catalogDirectory("2021-2025").resolve("indicators.csv");
        int line = TestingDataDirectory.lineStartingWith(file, "iia_docs_issued,");
        TestingDataDirectory.editLine(file, line, text -> text.replace(",count,sum,", ",number,sum,"));
        assertThatThrownBy(() -> new CatalogLoader(data).loadLatest())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": column 'value_type' holds 'number'; allowed values are count, money, yes_no");
    }

    @Test
    void aYesNoRowSummedInsteadOfCountedFails(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.catalogDirectory("2021-2025").resolve("indicators.csv");
        int line = TestingDataDirectory.lineStartingWith(file, "iia_integrated_hiv,");
        TestingDataDirectory.editLine(file, line, text -> text.replace(",yes_no,count_yes,", ",yes_no,sum,"));
        assertThatThrownBy(() -> new CatalogLoader(data).loadLatest())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": value_type yes_no goes with aggregation count_yes, not sum");
    }

    /** The text of seed 004's two data forms, whitespace folded, with the page headers of continuation pages removed. */
    private record SeedForms(String text, String textWithoutSplitUnits, int iaStart, int iaEnd, int iiaStart) {
        private static final String PAGE_HEADER = "Nội dung Đơn vị\\s*tính\\s*(Kết quả thực hiện từ năm 2021 đến năm\\s*2025\\s*Tổng\\s*cộng\\s*)?"
                + "(Kết quả thực hiện\\s*Tổng\\s*cộng)?\\s*(Năm\\s*20\\d\\d\\s*)+";

        static SeedForms read() throws IOException {
            String raw;
            try (InputStream input = TestCatalogLoader.class.getResourceAsStream("/seeds/004_8efb2ae312dd49d5.txt")) {
                raw = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            }
            String text = fold(raw.replaceAll(PAGE_HEADER, " "));
            String withoutSplitUnits = fold(raw.replaceAll("(Người|Phường, xã,)?\\s*" + PAGE_HEADER, " "));
            int iaStart = text.indexOf("Phụ lục IA");
            return new SeedForms(text, withoutSplitUnits, iaStart, text.indexOf("Phụ lục II ", iaStart), text.indexOf("Phụ lục IIA"));
        }

        private static String fold(String text) {
            return String.join(" ", text.strip().split("\\s+"));
        }
    }
}
