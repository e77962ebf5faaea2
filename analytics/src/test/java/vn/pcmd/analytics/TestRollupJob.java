package vn.pcmd.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
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
}
