package vn.pcmd.analytics;

import org.junit.jupiter.api.BeforeAll;
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
import static org.assertj.core.api.Assertions.within;

/** Hand-computed trends on the Tuy Hoà fixture (figures and rolled-up sums in {@link TuyHoaFixture}). */
class TestTrendsJob {
    @TempDir
    static Path temp;

    private static Warehouse warehouse;

    @BeforeAll
    static void computeMarts() {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        TuyHoaFixture.ingest(warehouse);
        AnalyticsFixture.runJobs(warehouse, List.of("trends"), Vintage.V2024, Vintage.V2025);
    }

    @Test
    void keepsTheContractColumns() {
        assertThat(AnalyticsFixture.query(warehouse, "select * from trends limit 0").columns()).containsExactly(
                "vintage", "unit_code", "unit_name", "level", "parent_code", "form", "indicator_code", "year", "partial_year",
                "value", "value_source", "yoy_abs", "yoy_pct", "annualised_value", "yoy_pct_annualised",
                "change_2021_2024_abs", "change_2021_2024_pct", "cagr_2021_2024", "slope", "total_2021_2025");
    }

    @Test
    void yearOnYearChangeAndTheHalfYearKeptApart() {
        // 22319 (Xã Phú Hòa 1 in vintage 2025, Thị trấn Phú Hoà before): 1, 2, 4, 8, then 5 in the half year.
        // Each full year doubles: +1, +2, +4, always +100 %. 2025 gets no year-on-year change: 5 × 2 = 10 annualised,
        // (10 − 8) / 8 = +25 % against 2024.
        assertThat(yearly(Vintage.V2025, "22319", "iia_violators_total")).containsExactly(
                row(2021, false, 1.0, null, null, null, null),
                row(2022, false, 2.0, 1.0, 100.0, null, null),
                row(2023, false, 4.0, 2.0, 100.0, null, null),
                row(2024, false, 8.0, 4.0, 100.0, null, null),
                row(2025, true, 5.0, null, null, 10.0, 25.0));
        // the same commune in vintage 2024: same figures, same trend
        assertThat(yearly(Vintage.V2024, "22319", "iia_violators_total")).isEqualTo(yearly(Vintage.V2025, "22319", "iia_violators_total"));
    }

    @Test
    void aMissingYearLeavesTheNextYearWithoutAChange() {
        // 22045 Bình Kiến sent nothing for 2023: 2024 has no previous year, so no change; 2022 vs 2021 is 0, 0 %.
        // 2025: 3 × 2 = 6 annualised, (6 − 16) / 16 = −62.5 %.
        assertThat(yearly(Vintage.V2025, "22045", "iia_violators_total")).containsExactly(
                row(2021, false, 2.0, null, null, null, null),
                row(2022, false, 2.0, 0.0, 0.0, null, null),
                row(2024, false, 16.0, null, null, null, null),
                row(2025, true, 3.0, null, null, 6.0, -62.5));
    }

    @Test
    void noPercentageAgainstZero() {
        // 22312 Hòa Trị: 0, 2, 2, 4, 1. 2022 changes by +2 but has no % (previous 0); nor has 2021→2024, nor a CAGR
        assertThat(yearly(Vintage.V2024, "22312", "iia_violators_total")).containsExactly(
                row(2021, false, 0.0, null, null, null, null),
                row(2022, false, 2.0, 2.0, null, null, null),
                row(2023, false, 2.0, 0.0, 0.0, null, null),
                row(2024, false, 4.0, 2.0, 100.0, null, null),
                row(2025, true, 1.0, null, null, 2.0, -50.0));
        // slope over x = 0..3, y = 0, 2, 2, 4: n = 4, Σx = 6, Σy = 8, Σxy = 0 + 2 + 4 + 12 = 18, Σx² = 14;
        // (4 × 18 − 6 × 8) / (4 × 14 − 6²) = 24 / 20 = 1.2
        assertThat(series(Vintage.V2024, "22312", "iia_violators_total")).containsExactly(row(4.0, null, null, 24.0 / 20, 9.0));
    }

    @Test
    void changeCagrSlopeAndTotalOverTheFullYears() {
        // 22319: 2021 → 2024 is 1 → 8: +7, +700 %, CAGR (8 / 1)^(1/3) − 1 = 100 % a year;
        // slope: y = 1, 2, 4, 8 at x = 0..3: Σy = 15, Σxy = 0 + 2 + 8 + 24 = 34: (4 × 34 − 6 × 15) / 20 = 46 / 20 = 2.3;
        // total with the half year: 1 + 2 + 4 + 8 + 5 = 20
        assertThat(series(Vintage.V2025, "22319", "iia_violators_total")).containsExactly(row(7.0, 700.0, 100.0, 46.0 / 20, 20.0));
        // 22045 (2023 missing): 2 → 16: +14, +700 %, CAGR 100 %; slope over the three years with values, x = 0, 1, 3,
        // y = 2, 2, 16: n = 3, Σx = 4, Σy = 20, Σxy = 0 + 2 + 48 = 50, Σx² = 10: (150 − 80) / (30 − 16) = 70 / 14 = 5;
        // total 2 + 2 + 16 + 3 = 23
        assertThat(series(Vintage.V2025, "22045", "iia_violators_total")).containsExactly(row(14.0, 700.0, 100.0, 5.0, 23.0));
    }

    @Test
    void cagrIsTheCubeRootOverThreeYears() {
        // 22015 Phường Tuy Hòa, vintage 2025 (22027 + 22033 + the split 22312): 5, 9, 8, 10, 3.
        // 2021 → 2024: +5, +100 %; slope: Σy = 32, Σxy = 0 + 9 + 16 + 30 = 55: (4 × 55 − 6 × 32) / 20 = 28 / 20 = 1.4; total 35
        List<Object> series = AnalyticsFixture.query(warehouse, """
                select distinct change_2021_2024_abs, change_2021_2024_pct, slope, total_2021_2025, cagr_2021_2024 from trends
                where vintage = '2025' and unit_code = '22015' and indicator_code = 'iia_violators_total'""").rows().get(0);
        assertThat(series.subList(0, 4)).containsExactly(5.0, 100.0, 28.0 / 20, 35.0);
        // CAGR (10 / 5)^(1/3) − 1 = ∛2 − 1 = 25.992… % a year. The engine raises to the power 1/3, which is not exactly
        // a third in binary, so this one figure is compared to the last few bits rather than exactly.
        assertThat((Double) series.get(4)).isCloseTo(100 * (Math.cbrt(2) - 1), within(1e-12));
    }

    @Test
    void rowsOfTheProvinceAfterTheMerger() {
        // province 66 (Đắk Lắk, which Phú Yên joined) in vintage 2025: 13, 17, 16, 38, 13.
        // (17 − 13) / 13, (16 − 17) / 17, (38 − 16) / 16 = +137.5 %; 2025: 13 × 2 = 26 annualised, (26 − 38) / 38
        assertThat(yearly(Vintage.V2025, "66", "iia_violators_total")).containsExactly(
                row(2021, false, 13.0, null, null, null, null),
                row(2022, false, 17.0, 4.0, 100 * 4.0 / 13, null, null),
                row(2023, false, 16.0, -1.0, 100 * -1.0 / 17, null, null),
                row(2024, false, 38.0, 22.0, 137.5, null, null),
                row(2025, true, 13.0, null, null, 26.0, 100 * (26.0 - 38) / 38));
    }

    @Test
    void yesNoTrendsCountTheUnitsAnsweringYes() {
        // vintage 2025, province 66: 2023 five of six answer Có (all but 22033), 2024 four of five (all but 22319):
        // 5 → 4 is −1, −20 %
        assertThat(yearly(Vintage.V2025, "66", "iia_integrated_hiv")).containsExactly(
                row(2023, false, 5.0, null, null, null, null),
                row(2024, false, 4.0, -1.0, -20.0, null, null));
    }

    @Test
    void aUnitWithOnlyItsOwnReportShowsTheReport() {
        // nothing rolls up for iia_docs_issued; district 563 and province 54 sent their own figures.
        // District 563's rolled-up violators (16) win over its own report (17) for 2024.
        assertThat(AnalyticsFixture.query(warehouse, """
                select vintage, unit_code, indicator_code, value, value_source from trends
                where year = 2024 and unit_code in ('563', '54', '66') and indicator_code in ('iia_docs_issued', 'iia_violators_total')
                order by vintage, unit_code, indicator_code""").rows()).containsExactly(
                row("2024", "54", "iia_docs_issued", 7.0, "reported"),
                row("2024", "54", "iia_violators_total", 38.0, "rolled_up"),
                row("2024", "563", "iia_docs_issued", 3.0, "reported"),
                row("2024", "563", "iia_violators_total", 16.0, "rolled_up"),
                row("2025", "66", "iia_docs_issued", 7.0, "reported"),
                row("2025", "66", "iia_violators_total", 38.0, "rolled_up"));
    }

    private static List<List<Object>> yearly(Vintage vintage, String unit, String indicator) {
        return AnalyticsFixture.query(warehouse, """
                select year, partial_year, value, yoy_abs, yoy_pct, annualised_value, yoy_pct_annualised from trends
                where vintage = '%s' and unit_code = '%s' and indicator_code = '%s' order by year""".formatted(vintage.code(), unit, indicator)).rows();
    }

    /** The per-series columns, which must be the same on every row of the series (hence distinct). */
    private static List<List<Object>> series(Vintage vintage, String unit, String indicator) {
        return AnalyticsFixture.query(warehouse, """
                select distinct change_2021_2024_abs, change_2021_2024_pct, cagr_2021_2024, slope, total_2021_2025 from trends
                where vintage = '%s' and unit_code = '%s' and indicator_code = '%s'""".formatted(vintage.code(), unit, indicator)).rows();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
