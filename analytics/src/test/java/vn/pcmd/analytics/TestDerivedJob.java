package vn.pcmd.analytics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived indicators on a hand-made province: in huyện Nhơn Trạch (742) communes 26503, 26473 and 26470, in huyện
 * Long Thành (740) commune 26383, and both districts' own consolidated reports, all for 2023. In vintage 2025,
 * 26470 and 26473 become one commune (26485, Xã Nhơn Trạch); 26503 and 26383 keep their codes.
 */
class TestDerivedJob {
    @TempDir
    static Path temp;

    private static Warehouse warehouse;

    @BeforeAll
    static void computeMarts() {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        AnalyticsFixture.ingest(warehouse, "derived.csv",
                "26503,IIA,,iia_staff_trained,2023,1",
                "26503,IIA,,iia_staff,2023,1",
                "26503,IIA,,iia_comm_sessions,2023,2",
                "26503,IIA,,iia_integrated_hiv,2023,Có",
                "26473,IIA,,iia_staff_trained,2023,3",
                "26473,IIA,,iia_staff,2023,9",
                "26473,IIA,,iia_comm_sessions,2023,0",
                "26473,IIA,,iia_comm_materials,2023,0",
                "26473,IIA,,iia_integrated_hiv,2023,Không",
                // sent IIA, but nothing on staff or integration: counted as reporting, never in a sum
                "26470,IIA,,iia_comm_materials,2023,1",
                "26383,IIA,,iia_staff_trained,2023,6",
                "26383,IIA,,iia_staff,2023,8",
                "26383,IIA,,iia_comm_materials,2023,5",
                "26383,IIA,,iia_integrated_drugs,2023,Có",
                // the districts' own reports: never added to their communes' sums, but they are what district counts read
                "742,IIA,,iia_staff_trained,2023,50",
                "742,IIA,,iia_staff,2023,60",
                "742,IIA,,iia_docs_issued,2023,3",
                "742,IIA,,iia_integrated_hiv,2023,Có",
                "740,IIA,,iia_docs_issued,2023,0",
                "740,IIA,,iia_integrated_hiv,2023,Không");
        AnalyticsFixture.runJobs(warehouse, List.of("derived"), Vintage.V2024, Vintage.V2025);
    }

    private static List<List<Object>> rows(String vintage, String derivedCode) {
        return AnalyticsFixture.query(warehouse, """
                select level, unit_code, numerator, denominator, value from derived
                where vintage = '%s' and derived_code = '%s' and year = 2023
                order by level, unit_code""".formatted(vintage, derivedCode)).rows();
    }

    @Test
    void ratiosAreRatiosOfSumsNotAveragesOfRatios() {
        // the province's communes have 100 %, 33.3 % and 75 %: their average would be 69.4 %, the ratio of sums is 10/18
        assertThat(rows("2024", "d_staff_trained_share")).containsExactly(
                Arrays.asList("commune", "26383", 6.0, 8.0, 75.0),
                Arrays.asList("commune", "26473", 3.0, 9.0, 300.0 / 9),
                Arrays.asList("commune", "26503", 1.0, 1.0, 100.0),
                Arrays.asList("district", "740", 6.0, 8.0, 75.0),
                Arrays.asList("district", "742", 4.0, 10.0, 40.0),
                Arrays.asList("nation", "VN", 10.0, 18.0, 1000.0 / 18),
                Arrays.asList("province", "75", 10.0, 18.0, 1000.0 / 18));
    }

    @Test
    void valueKindIsTheNumeratorAndConsolidatedReportsAreNotSummed() {
        assertThat(rows("2024", "d_communes_with_comm_activity")).containsExactly(
                Arrays.asList("commune", "26383", 1.0, null, 1.0),
                Arrays.asList("commune", "26470", 1.0, null, 1.0),
                Arrays.asList("commune", "26473", 0.0, null, 0.0),
                Arrays.asList("commune", "26503", 1.0, null, 1.0),
                Arrays.asList("district", "740", 1.0, null, 1.0),
                Arrays.asList("district", "742", 2.0, null, 2.0),
                Arrays.asList("nation", "VN", 3.0, null, 3.0),
                Arrays.asList("province", "75", 3.0, null, 3.0));
        // iia_docs_issued exists only in 742's own report: no commune sent it, so d_docs_issued has no value anywhere
        assertThat(rows("2024", "d_docs_issued")).isEmpty();
    }

    @Test
    void unitsPositiveCountsCommunesAmongThoseThatSentTheForm() {
        // 742: 26503 (sessions 2) and 26470 (materials 1) of the three that sent IIA; 26473 reported 0 and 0
        assertThat(rows("2024", "d_communes_with_comm_activity_share")).containsExactly(
                Arrays.asList("commune", "26383", 1.0, 1.0, 100.0),
                Arrays.asList("commune", "26470", 1.0, 1.0, 100.0),
                Arrays.asList("commune", "26473", 0.0, 1.0, 0.0),
                Arrays.asList("commune", "26503", 1.0, 1.0, 100.0),
                Arrays.asList("district", "740", 1.0, 1.0, 100.0),
                Arrays.asList("district", "742", 2.0, 3.0, 200.0 / 3),
                Arrays.asList("nation", "VN", 3.0, 4.0, 75.0),
                Arrays.asList("province", "75", 3.0, 4.0, 75.0));
    }

    @Test
    void unitsYesCountsCommunesAnsweringYesToAnyListedRow() {
        // 26503 answered Có on HIV, 26383 Có on drugs; 26473 answered Không; 26470 did not answer but sent the form.
        // 742's own Có is a district report and does not count among communes
        assertThat(rows("2024", "d_communes_integrated_share")).containsExactly(
                Arrays.asList("commune", "26383", 1.0, 1.0, 100.0),
                Arrays.asList("commune", "26470", 0.0, 1.0, 0.0),
                Arrays.asList("commune", "26473", 0.0, 1.0, 0.0),
                Arrays.asList("commune", "26503", 1.0, 1.0, 100.0),
                Arrays.asList("district", "740", 1.0, 1.0, 100.0),
                Arrays.asList("district", "742", 1.0, 3.0, 100.0 / 3),
                Arrays.asList("nation", "VN", 2.0, 4.0, 50.0),
                Arrays.asList("province", "75", 2.0, 4.0, 50.0));
    }

    @Test
    void districtCountsReadTheDistrictsOwnReports() {
        assertThat(rows("2024", "d_districts_with_docs_share")).containsExactly(
                Arrays.asList("district", "740", 0.0, 1.0, 0.0),
                Arrays.asList("district", "742", 1.0, 1.0, 100.0),
                Arrays.asList("nation", "VN", 1.0, 2.0, 50.0),
                Arrays.asList("province", "75", 1.0, 2.0, 50.0));
        assertThat(rows("2024", "d_districts_integrated_share")).containsExactly(
                Arrays.asList("district", "740", 0.0, 1.0, 0.0),
                Arrays.asList("district", "742", 1.0, 1.0, 100.0),
                Arrays.asList("nation", "VN", 1.0, 2.0, 50.0),
                Arrays.asList("province", "75", 1.0, 2.0, 50.0));
        // vintage 2025 has no districts: their reports land on the province and are counted nowhere
        assertThat(rows("2025", "d_districts_with_docs_share")).isEmpty();
        assertThat(rows("2025", "d_districts_integrated_share")).isEmpty();
    }

    @Test
    void vintage2025CountsMergedCommunesAsOneUnit() {
        // 26470 (positive) and 26473 (not) are one commune, 26485, in vintage 2025: it counts once, as positive
        assertThat(rows("2025", "d_communes_with_comm_activity_share")).containsExactly(
                Arrays.asList("commune", "26383", 1.0, 1.0, 100.0),
                Arrays.asList("commune", "26485", 1.0, 1.0, 100.0),
                Arrays.asList("commune", "26503", 1.0, 1.0, 100.0),
                Arrays.asList("nation", "VN", 3.0, 3.0, 100.0),
                Arrays.asList("province", "75", 3.0, 3.0, 100.0));
        assertThat(rows("2025", "d_staff_trained_share")).containsExactly(
                Arrays.asList("commune", "26383", 6.0, 8.0, 75.0),
                Arrays.asList("commune", "26485", 3.0, 9.0, 300.0 / 9),
                Arrays.asList("commune", "26503", 1.0, 1.0, 100.0),
                Arrays.asList("nation", "VN", 10.0, 18.0, 1000.0 / 18),
                Arrays.asList("province", "75", 10.0, 18.0, 1000.0 / 18));
    }

    @Test
    void rowsCarryTheUnitAndTheYear() {
        assertThat(AnalyticsFixture.query(warehouse, """
                select vintage, unit_code, unit_name, level, parent_code, derived_code, year, partial_year from derived
                where vintage = '2024' and unit_code = '26503' and derived_code = 'd_staff_trained_share'""").rows())
                .containsExactly(List.of("2024", "26503", "Xã Phước An", "commune", "742", "d_staff_trained_share", 2023, false));
        assertThat(AnalyticsFixture.query(warehouse, "select column_name from (describe derived)").rows().stream().map(row -> row.get(0)).toList())
                .containsExactly("vintage", "unit_code", "unit_name", "level", "parent_code", "derived_code", "year", "numerator", "denominator", "value",
                        "partial_year");
    }
}
