package vn.pcmd.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.analytics.testing.TuyHoaFixture;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestRollupJob {
    @TempDir
    Path temp;

    @Test
    void figuresClimbTheHierarchyAndConsolidatedReportsStayBeside() {
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        // two communes of huyện Nhơn Trạch (Đồng Nai), and the district's own consolidated report
        AnalyticsFixture.ingest(warehouse, "f.csv",
                "26503,IIA,,iia_violators_total,2023,3",
                "26473,IIA,,iia_violators_total,2023,4",
                "26503,IIA,,iia_integrated_hiv,2023,Có",
                "26473,IIA,,iia_integrated_hiv,2023,Không",
                "742,IIA,,iia_violators_total,2023,9",
                "75,IA,police,ia_police_hotspots,2023,5");

        AnalyticsFixture.runJobs(warehouse, List.of("rollup"), Vintage.V2024);

        assertThat(AnalyticsFixture.query(warehouse, """
                select level, unit_code, value, reported_value, reporting_units from rollup
                where indicator_code = 'iia_violators_total' and year = 2023 order by level, unit_code""").rows())
                .containsExactly(
                        java.util.Arrays.asList("commune", "26473", 4.0, null, 1),
                        java.util.Arrays.asList("commune", "26503", 3.0, null, 1),
                        java.util.Arrays.asList("district", "742", 7.0, 9.0, 2),
                        java.util.Arrays.asList("nation", "VN", 7.0, null, 2),
                        java.util.Arrays.asList("province", "75", 7.0, null, 2));
        assertThat(AnalyticsFixture.query(warehouse, """
                select yes_count, answered_count, yes_share from rollup
                where indicator_code = 'iia_integrated_hiv' and year = 2023 and unit_code = '742'""").rows())
                .containsExactly(List.of(1.0, 2, 0.5));
        assertThat(AnalyticsFixture.query(warehouse, "select value from rollup where indicator_code = 'ia_police_hotspots' and unit_code = 'VN'").rows())
                .containsExactly(List.of(5.0));
    }

    @Test
    void decimalSumsDoNotDependOnTheOrderOfAddition() {
        Warehouse warehouse = new Warehouse(temp.resolve("decimals"));
        // loans in millions of đồng: 0.1 + 0.2 is 0.30000000000000004 in doubles, 0.3 by hand; 2022 is 0.3 sent as such
        AnalyticsFixture.ingest(warehouse, "loans.csv",
                "26503,IIA,,iia_loan_amount,2021,\"0,1\"",
                "26473,IIA,,iia_loan_amount,2021,\"0,2\"",
                "26503,IIA,,iia_loan_amount,2022,\"0,3\"");

        AnalyticsFixture.runJobs(warehouse, List.of("rollup", "trends"), Vintage.V2024);

        assertThat(AnalyticsFixture.query(warehouse, "select year, value from rollup where unit_code = '742' and indicator_code = 'iia_loan_amount' order by year").rows())
                .containsExactly(List.of(2021, 0.3), List.of(2022, 0.3));
        // equal sums are equal: no change of -5.6e-17 from one year to the next
        assertThat(AnalyticsFixture.query(warehouse, "select yoy_abs, yoy_pct from trends where unit_code = '742' and indicator_code = 'iia_loan_amount' and year = 2022").rows())
                .containsExactly(List.of(0.0, 0.0));
    }

    @Test
    void aResubmissionReplacesItsSendersFiguresForTheYearsItReportsOnly() {
        Warehouse warehouse = new Warehouse(temp.resolve("resubmitted"));
        AnalyticsFixture.ingest(warehouse, "first.csv",
                "26503,IIA,,iia_violators_total,2022,3",
                "26503,IIA,,iia_violators_total,2023,4",
                "26473,IIA,,iia_violators_total,2023,5");
        // 26503 sends 2023 again: its first submission stays current for 2022 only
        AnalyticsFixture.ingest(warehouse, "second.csv", "26503,IIA,,iia_violators_total,2023,10");
        // 26473 sends 2023 again: its first submission is current for no year
        AnalyticsFixture.ingest(warehouse, "third.csv", "26473,IIA,,iia_violators_total,2023,6");

        AnalyticsFixture.runJobs(warehouse, List.of("rollup", "quality"), Vintage.V2024);

        assertThat(AnalyticsFixture.query(warehouse, """
                select unit_code, year, value, reporting_units from rollup
                where indicator_code = 'iia_violators_total' and level in ('commune', 'district') order by level, unit_code, year""").rows())
                .containsExactly(
                        Arrays.asList("26473", 2023, 6.0, 1),
                        Arrays.asList("26503", 2022, 3.0, 1),
                        Arrays.asList("26503", 2023, 10.0, 1),
                        Arrays.asList("742", 2022, 3.0, 1),
                        Arrays.asList("742", 2023, 16.0, 2));
        // the submissions checked for timeliness are those current for at least one year
        assertThat(AnalyticsFixture.query(warehouse, """
                select unit_code, regexp_extract(source_file, '[a-z]+[.]csv') from quality where "check" = 'timeliness' order by unit_code, source_file""").rows())
                .containsExactly(List.of("26473", "third.csv"), List.of("26503", "first.csv"), List.of("26503", "second.csv"));
    }

    @Test
    void communesOfTwoDistrictsLandInBothVintages() {
        Warehouse warehouse = new Warehouse(temp.resolve("tuy-hoa"));
        TuyHoaFixture.ingest(warehouse);

        AnalyticsFixture.runJobs(warehouse, List.of("rollup"), Vintage.V2024, Vintage.V2025);

        // vintage 2024: 22027 (abolished 2024-10-31) adds to its successor 22033 (2 + 3, 3 + 4, 1 + 5); 22312 stays itself
        assertThat(yearly(warehouse, Vintage.V2024, "iia_violators_total", "value")).containsExactly(
                row("commune", "22033", 5.0, 7.0, 6.0, 6.0, 2.0),
                row("commune", "22045", 2.0, 2.0, null, 16.0, 3.0),
                row("commune", "22303", 5.0, 4.0, 4.0, 4.0, 2.0),
                row("commune", "22312", 0.0, 2.0, 2.0, 4.0, 1.0),
                row("commune", "22319", 1.0, 2.0, 4.0, 8.0, 5.0),
                row("district", "555", 7.0, 9.0, 6.0, 22.0, 5.0),
                row("district", "563", 6.0, 8.0, 10.0, 16.0, 8.0),
                row("nation", "VN", 13.0, 17.0, 16.0, 38.0, 13.0),
                row("province", "54", 13.0, 17.0, 16.0, 38.0, 13.0));
        // vintage 2025: no districts; 22015 Phường Tuy Hòa takes 22027 (through 22033), 22033 and the whole of the split
        // 22312 (its default target): 2 + 3 + 0, 3 + 4 + 2, 1 + 5 + 2, 6 + 4, 2 + 1. 22303 Phú Hòa 2, the split's other
        // target, gets nothing of it; Phú Yên's figures are under Đắk Lắk (66)
        assertThat(yearly(warehouse, Vintage.V2025, "iia_violators_total", "value")).containsExactly(
                row("commune", "22015", 5.0, 9.0, 8.0, 10.0, 3.0),
                row("commune", "22045", 2.0, 2.0, null, 16.0, 3.0),
                row("commune", "22303", 5.0, 4.0, 4.0, 4.0, 2.0),
                row("commune", "22319", 1.0, 2.0, 4.0, 8.0, 5.0),
                row("nation", "VN", 13.0, 17.0, 16.0, 38.0, 13.0),
                row("province", "66", 13.0, 17.0, 16.0, 38.0, 13.0));
        // how many reporters make up each value: 22015 has three until 2023 (22027 stopped), two after
        assertThat(yearly(warehouse, Vintage.V2025, "iia_violators_total", "reporting_units").subList(0, 1))
                .containsExactly(row("commune", "22015", 3, 3, 3, 2, 2));
        assertThat(AnalyticsFixture.query(warehouse, "select count(*) from rollup where unit_code in ('22027', '22312') and vintage = '2025' or unit_code = '22027'").rows())
                .containsExactly(List.of(0L));
    }

    @Test
    void consolidatedReportsYesNoAndBreakdownsOfTheTwoDistricts() {
        Warehouse warehouse = new Warehouse(temp.resolve("tuy-hoa"));
        TuyHoaFixture.ingest(warehouse);

        AnalyticsFixture.runJobs(warehouse, List.of("rollup"), Vintage.V2024, Vintage.V2025);

        // district 563 said 17 for 2024, its communes add to 4 + 4 + 8 = 16: both kept. Its report has no unit in
        // vintage 2025; province 54's own report lands on 66. Own reports do not climb: the nation has none
        assertThat(AnalyticsFixture.query(warehouse, """
                select vintage, unit_code, indicator_code, value, reported_value, reported_by from rollup
                where year = 2024 and reported_value is not null order by vintage, unit_code, indicator_code""").rows()).containsExactly(
                row("2024", "54", "iia_docs_issued", null, 7.0, 1),
                row("2024", "563", "iia_docs_issued", null, 3.0, 1),
                row("2024", "563", "iia_violators_total", 16.0, 17.0, 1),
                row("2025", "66", "iia_docs_issued", null, 7.0, 1));

        // yes/no, 2023: Có from 22027, 22045, 22312, 22303, 22319; Không from 22033
        assertThat(yesNo(warehouse, Vintage.V2024, 2023)).containsExactly(
                row("22033", 1.0, 2, 0.5),           // 22027 Có + 22033 Không
                row("22045", 1.0, 1, 1.0),
                row("22303", 1.0, 1, 1.0),
                row("22312", 1.0, 1, 1.0),
                row("22319", 1.0, 1, 1.0),
                row("555", 2.0, 3, 2.0 / 3),         // 22027, 22033, 22045
                row("563", 3.0, 3, 1.0),
                row("VN", 5.0, 6, 5.0 / 6),
                row("54", 5.0, 6, 5.0 / 6));
        assertThat(yesNo(warehouse, Vintage.V2025, 2023)).containsExactly(
                row("22015", 2.0, 3, 2.0 / 3),       // 22027 Có, 22033 Không, 22312 Có
                row("22045", 1.0, 1, 1.0),
                row("22303", 1.0, 1, 1.0),
                row("22319", 1.0, 1, 1.0),
                row("VN", 5.0, 6, 5.0 / 6),
                row("66", 5.0, 6, 5.0 / 6));
        // 2024: everyone Có but 22319
        assertThat(yesNo(warehouse, Vintage.V2024, 2024)).containsExactly(
                row("22033", 1.0, 1, 1.0),
                row("22045", 1.0, 1, 1.0),
                row("22303", 1.0, 1, 1.0),
                row("22312", 1.0, 1, 1.0),
                row("22319", 0.0, 1, 0.0),
                row("555", 2.0, 2, 1.0),
                row("563", 2.0, 3, 2.0 / 3),
                row("VN", 4.0, 5, 0.8),
                row("54", 4.0, 5, 0.8));

        // breakdowns of iia_violators_total in 2024 (buyers: 22033 4, 22045 10, 22319 5; sellers: 22033 2, 22319 3)
        assertThat(AnalyticsFixture.query(warehouse, """
                select vintage, unit_code, indicator_code, value from rollup
                where year = 2024 and indicator_code in ('iia_violators_buyers', 'iia_violators_sellers')
                order by vintage, indicator_code, level, unit_code""").rows()).containsExactly(
                row("2024", "22033", "iia_violators_buyers", 4.0),
                row("2024", "22045", "iia_violators_buyers", 10.0),
                row("2024", "22319", "iia_violators_buyers", 5.0),
                row("2024", "555", "iia_violators_buyers", 14.0),
                row("2024", "563", "iia_violators_buyers", 5.0),
                row("2024", "VN", "iia_violators_buyers", 19.0),
                row("2024", "54", "iia_violators_buyers", 19.0),
                row("2024", "22033", "iia_violators_sellers", 2.0),
                row("2024", "22319", "iia_violators_sellers", 3.0),
                row("2024", "555", "iia_violators_sellers", 2.0),
                row("2024", "563", "iia_violators_sellers", 3.0),
                row("2024", "VN", "iia_violators_sellers", 5.0),
                row("2024", "54", "iia_violators_sellers", 5.0),
                row("2025", "22015", "iia_violators_buyers", 4.0),
                row("2025", "22045", "iia_violators_buyers", 10.0),
                row("2025", "22319", "iia_violators_buyers", 5.0),
                row("2025", "VN", "iia_violators_buyers", 19.0),
                row("2025", "66", "iia_violators_buyers", 19.0),
                row("2025", "22015", "iia_violators_sellers", 2.0),
                row("2025", "22319", "iia_violators_sellers", 3.0),
                row("2025", "VN", "iia_violators_sellers", 5.0),
                row("2025", "66", "iia_violators_sellers", 5.0));
        // the half year is flagged on every row of 2025 and only there
        assertThat(AnalyticsFixture.query(warehouse, "select distinct year, partial_year from rollup order by year").rows()).containsExactly(
                row(2021, false), row(2022, false), row(2023, false), row(2024, false), row(2025, true));
    }

    /** One row per unit: level, unit, then the column for 2021 … 2025 (null where there is no row). */
    private static List<List<Object>> yearly(Warehouse warehouse, Vintage vintage, String indicator, String column) {
        StringBuilder years = new StringBuilder();
        for (int year = 2021; year <= 2025; year++) {
            years.append(", max(case when year = %d then %s end)".formatted(year, column));
        }
        return AnalyticsFixture.query(warehouse, """
                select level, unit_code%s from rollup where vintage = '%s' and indicator_code = '%s'
                group by level, unit_code order by level, unit_code""".formatted(years, vintage.code(), indicator)).rows();
    }

    private static List<List<Object>> yesNo(Warehouse warehouse, Vintage vintage, int year) {
        return AnalyticsFixture.query(warehouse, """
                select unit_code, yes_count, answered_count, yes_share from rollup
                where vintage = '%s' and indicator_code = 'iia_integrated_hiv' and year = %d""".formatted(vintage.code(), year)).rows();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
