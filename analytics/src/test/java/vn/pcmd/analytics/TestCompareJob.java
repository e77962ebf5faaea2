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

/**
 * Hand-computed ranks on the Tuy Hoà fixture (figures and rolled-up sums in {@link TuyHoaFixture}). With n peers and
 * rank r (1 = highest, ties share), percentile = (n − r) / (n − 1), and the quartile is 1 from 0.75, 2 from 0.5, 3
 * from 0.25, else 4.
 */
class TestCompareJob {
    @TempDir
    static Path temp;

    private static Warehouse warehouse;

    @BeforeAll
    static void computeMarts() {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        TuyHoaFixture.ingest(warehouse);
        AnalyticsFixture.runJobs(warehouse, List.of("compare"), Vintage.V2024, Vintage.V2025);
    }

    @Test
    void tiedUnitsShareRankPercentileAndQuartile() {
        // vintage 2025, the four new communes of province 66 in 2021: 22015 = 2 + 3 + 0 = 5, 22303 = 5, 22045 = 2, 22319 = 1.
        // 22015 and 22303 tie on 5: both rank 1; the next is rank 3. Percentiles (4 − r) / 3: 1, 1, 1/3, 0
        assertThat(ranks(Vintage.V2025, "iia_violators_total", "year", 2021, "commune")).containsExactly(
                row("22015", 5.0, 1, 4, 1.0, 1),
                row("22303", 5.0, 1, 4, 1.0, 1),
                row("22045", 2.0, 3, 4, 1.0 / 3, 3),
                row("22319", 1.0, 4, 4, 0.0, 4));
    }

    @Test
    void aUnitWithoutAFigureIsNotAPeer() {
        // 2023: 22045 sent nothing, so three peers: 22015 = 1 + 5 + 2 = 8, 22303 = 4, 22319 = 4 (tie at rank 2).
        // Percentiles (3 − r) / 2: 1, 0.5, 0.5
        assertThat(ranks(Vintage.V2025, "iia_violators_total", "year", 2023, "commune")).containsExactly(
                row("22015", 8.0, 1, 3, 1.0, 1),
                row("22303", 4.0, 2, 3, 0.5, 2),
                row("22319", 4.0, 2, 3, 0.5, 2));
    }

    @Test
    void theTotalRanksThe2021To2025Sum() {
        // totals with the half year: 22015 = 5 + 9 + 8 + 10 + 3 = 35, 22045 = 23, 22319 = 20, 22303 = 19
        assertThat(ranks(Vintage.V2025, "iia_violators_total", "total", null, "commune")).containsExactly(
                row("22015", 35.0, 1, 4, 1.0, 1),
                row("22045", 23.0, 2, 4, 2.0 / 3, 2),
                row("22319", 20.0, 3, 4, 1.0 / 3, 3),
                row("22303", 19.0, 4, 4, 0.0, 4));
    }

    @Test
    void firstYearAgainstTheLastFullYear() {
        // 2021 → 2024 for each commune of vintage 2025; the same on the yearly and the total rows
        assertThat(AnalyticsFixture.query(warehouse, """
                select distinct unit_code, first_year_value, last_full_year_value, change_first_to_last_full_year_pct from compare
                where vintage = '2025' and code = 'iia_violators_total' and level = 'commune' order by unit_code""").rows()).containsExactly(
                row("22015", 5.0, 10.0, 100.0),
                row("22045", 2.0, 16.0, 700.0),
                row("22303", 5.0, 4.0, -20.0),
                row("22319", 1.0, 8.0, 700.0));
        // 22312 started from 0: no percentage
        assertThat(AnalyticsFixture.query(warehouse, """
                select distinct first_year_value, last_full_year_value, change_first_to_last_full_year_pct from compare
                where vintage = '2024' and code = 'iia_violators_total' and unit_code = '22312'""").rows()).containsExactly(row(0.0, 4.0, null));
    }

    @Test
    void peersShareTheParent() {
        // vintage 2024: the districts of Phú Yên in 2024, 555 = 22 and 563 = 16 (rolled up, not its own report of 17)
        assertThat(ranks(Vintage.V2024, "iia_violators_total", "year", 2024, "district")).containsExactly(
                row("555", 22.0, 1, 2, 1.0, 1),
                row("563", 16.0, 2, 2, 0.0, 4));
        // communes are ranked within their district: 2021 in 555 (22033 = 5, 22045 = 2) apart from 563 (5, 1, 0)
        assertThat(AnalyticsFixture.query(warehouse, """
                select parent_code, unit_code, value, rank, peer_count, percentile, quartile from compare
                where vintage = '2024' and code = 'iia_violators_total' and period = 'year' and year = 2021 and level = 'commune'""").rows()).containsExactly(
                row("555", "22033", 5.0, 1, 2, 1.0, 1),
                row("555", "22045", 2.0, 2, 2, 0.0, 4),
                row("563", "22303", 5.0, 1, 3, 1.0, 1),
                row("563", "22319", 1.0, 2, 3, 0.5, 2),
                row("563", "22312", 0.0, 3, 3, 0.0, 4));
    }

    @Test
    void yesNoRanksTheUnitsAnsweringYes() {
        // 2024, vintage 2025: 22015 = two communes answering Có (22033, 22312), 22045 = 1, 22303 = 1, 22319 = 0
        assertThat(ranks(Vintage.V2025, "iia_integrated_hiv", "year", 2024, "commune")).containsExactly(
                row("22015", 2.0, 1, 4, 1.0, 1),
                row("22045", 1.0, 2, 4, 2.0 / 3, 2),
                row("22303", 1.0, 2, 4, 2.0 / 3, 2),
                row("22319", 0.0, 4, 4, 0.0, 4));
    }

    @Test
    void aUnitAloneLeadsAndTheNationHasNoPeers() {
        assertThat(ranks(Vintage.V2025, "iia_violators_total", "year", 2024, "province")).containsExactly(row("66", 38.0, 1, 1, 1.0, 1));
        assertThat(AnalyticsFixture.query(warehouse, "select count(*) from compare where level = 'nation'").rows()).containsExactly(List.of(0L));
        // a district's own report stands in where nothing rolls up, and says so
        assertThat(AnalyticsFixture.query(warehouse, """
                select unit_code, value, value_source, rank, peer_count from compare
                where vintage = '2024' and code = 'iia_docs_issued' and period = 'year'""").rows()).containsExactly(
                row("563", 3.0, "reported", 1, 1),
                row("54", 7.0, "reported", 1, 1));
    }

    @Test
    void derivedRatiosRankOnSummedNumeratorsAndDenominators() {
        // d_staff_trained_share = 100 × iia_staff_trained / iia_staff. 2024, the communes of 66:
        // 22015 = 100 × (2 + 1) / (4 + 5) = 33.3… (22033's 50 % and 22312's 20 % would average 35), 22045 = 100 × 2 / 2,
        // 22303 = 100 × 3 / 4, 22319 = 100 × 1 / 2
        assertThat(ranks(Vintage.V2025, "d_staff_trained_share", "year", 2024, "commune")).containsExactly(
                row("22045", 100.0, 1, 4, 1.0, 1),
                row("22303", 75.0, 2, 4, 2.0 / 3, 2),
                row("22319", 50.0, 3, 4, 1.0 / 3, 3),
                row("22015", 3 * 100.0 / 9, 4, 4, 0.0, 4));
        // the total: 22303 trained 1 of 6 in 2023 and 3 of 4 in 2024, so 100 × (1 + 3) / (6 + 4) = 40, not the mean of
        // 16.7 and 75; the others reported 2024 only
        assertThat(ranks(Vintage.V2025, "d_staff_trained_share", "total", null, "commune")).containsExactly(
                row("22045", 100.0, 1, 4, 1.0, 1),
                row("22319", 50.0, 2, 4, 2.0 / 3, 2),
                row("22303", 40.0, 3, 4, 1.0 / 3, 3),
                row("22015", 3 * 100.0 / 9, 4, 4, 0.0, 4));
        assertThat(AnalyticsFixture.query(warehouse, """
                select distinct measure_kind, form, value_source from compare where code = 'd_staff_trained_share'""").rows())
                .containsExactly(row("derived", null, "rolled_up"));
    }

    private static List<List<Object>> ranks(Vintage vintage, String code, String period, Integer year, String level) {
        return AnalyticsFixture.query(warehouse, """
                select unit_code, value, rank, peer_count, percentile, quartile from compare
                where vintage = '%s' and code = '%s' and period = '%s' and %s and level = '%s'"""
                .formatted(vintage.code(), code, period, year == null ? "year is null" : "year = " + year, level)).rows();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
