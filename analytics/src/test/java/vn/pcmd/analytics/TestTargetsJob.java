package vn.pcmd.analytics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.core.Progress;
import vn.pcmd.core.targets.TargetComparator;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target verdicts on hand-made figures, against the real targets of data/targets plus three test targets the data
 * does not have yet: {@code = 0} (no hotspot), {@code <=}, and a growth band over several years.
 */
class TestTargetsJob {
    private static final String NO_HOTSPOT = "test_no_hotspot";
    private static final String AT_MOST_ONE_HOTSPOT = "test_at_most_one_hotspot";
    private static final String GROWTH = "test_growth";

    @TempDir
    static Path temp;

    private static Warehouse warehouse;

    @BeforeAll
    static void computeMarts() {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        AnalyticsFixture.ingest(warehouse, "targets.csv",
                // 2022, the Cao Bằng district plan: huyện Nhơn Trạch (742) and huyện Long Thành (740)
                "26503,IIA,,iia_integrated_hiv,2022,Có",
                "26503,IIA,,iia_staff_trained,2022,12",
                "26503,IIA,,iia_staff,2022,10",
                "26503,IIA,,iia_comm_sessions,2022,1",
                "26503,IIA,,iia_news_provincial_press,2022,7",
                "26473,IIA,,iia_integrated_drugs,2022,Có",
                "26473,IIA,,iia_comm_sessions,2022,0",
                "26473,IIA,,iia_news_provincial_press,2022,5",
                "26383,IIA,,iia_integrated_hiv,2022,Không",
                "26383,IIA,,iia_staff_trained,2022,199",
                "26383,IIA,,iia_staff,2022,200",
                "26383,IIA,,iia_comm_materials,2022,3",
                // 2025, the half year: the Tân Thạnh ward plan (communes) and the Bình Thuận plan (provinces)
                "26503,IIA,,iia_staff_trained,2025,9",
                "26503,IIA,,iia_staff,2025,10",
                "26503,IIA,,iia_legal_aid,2025,4",
                "26503,IIA,,iia_sex_workers_eligible,2025,5",
                "26503,IIA,,iia_comm_sessions,2025,2",
                "26473,IIA,,iia_staff_trained,2025,1",
                "26473,IIA,,iia_staff,2025,10",
                "26473,IIA,,iia_legal_aid,2025,9",
                "26473,IIA,,iia_sex_workers_eligible,2025,10",
                "75,IA,culture,ia_culture_news_items,2025,6",
                "75,IA,police,ia_police_offenders_prosecuted,2021,200",
                "75,IA,police,ia_police_offenders_prosecuted,2022,206",
                "75,IA,police,ia_police_offenders_prosecuted,2024,100",
                "75,IA,police,ia_police_offenders_prosecuted,2025,52",
                "75,IA,police,ia_police_hotspots,2023,0",
                "75,IA,police,ia_police_hotspots,2024,2",
                "74,IA,police,ia_police_offenders_prosecuted,2021,200",
                "74,IA,police,ia_police_offenders_prosecuted,2022,212");
        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            new JobRunner(engine, warehouse).run(referenceTablesWithTestTargets(), Jobs.withDependencies(List.of("targets")),
                    List.of(Vintage.V2024, Vintage.V2025), Progress.NONE);
        }
    }

    private static List<Table> referenceTablesWithTestTargets() {
        List<Table> tables = new ArrayList<>();
        for (Table table : AnalyticsFixture.referenceTables()) {
            if (!table.name().equals("ref_targets")) {
                tables.add(table);
                continue;
            }
            List<Object[]> rows = new ArrayList<>(table.rows());
            rows.add(new Object[] {NO_HOTSPOT, "test", "Không để phát sinh tụ điểm phức tạp", "province", 2023, 2024, true, "d_complex_hotspots", "=", 0.0, null, null});
            rows.add(new Object[] {AT_MOST_ONE_HOTSPOT, "test", "Không quá một tụ điểm", "province", 2023, 2024, true, "d_complex_hotspots", "<=", 1.0, null, null});
            rows.add(new Object[] {GROWTH, "test", "Tăng 3 - 5% mỗi năm", "province", 2021, 2025, true, "d_offenders_prosecuted", "growth_between", 3.0, 5.0, null});
            tables.add(new Table(table.name(), table.columns(), rows));
        }
        return tables;
    }

    /** target_id, unit_code, year, actual, judged_value, annualised, status, gap, reason. */
    private static List<List<Object>> verdicts(String vintage, String targetId, String... units) {
        return AnalyticsFixture.query(warehouse, """
                select target_id, unit_code, year, actual, judged_value, annualised, status, gap, reason from targets
                where vintage = '%s' and target_id = '%s' and unit_code in ('%s')
                order by unit_code, year""".formatted(vintage, targetId, String.join("', '", units))).rows();
    }

    @Test
    void thresholdsAreComparedExactlyAtTheBoundary() {
        // > 80: 4 supported of 5 is exactly 80, not met; 9 of 10 is 90, met
        assertThat(verdicts("2024", "tan_thanh_2025_05", "26503", "26473")).containsExactly(
                Arrays.asList("tan_thanh_2025_05", "26473", 2025, 90.0, 90.0, false, "met", 10.0, null),
                Arrays.asList("tan_thanh_2025_05", "26503", 2025, 80.0, 80.0, false, "not_met", 0.0, null));
        // > 90: exactly 90 is not met
        assertThat(verdicts("2024", "tan_thanh_2025_08", "26503", "26473")).containsExactly(
                Arrays.asList("tan_thanh_2025_08", "26473", 2025, 10.0, 10.0, false, "not_met", -80.0, null),
                Arrays.asList("tan_thanh_2025_08", "26503", 2025, 90.0, 90.0, false, "not_met", 0.0, null));
        // >= 50: the province's 10 trained of 20 staff is exactly 50, met
        assertThat(verdicts("2024", "binh_thuan_2025_16", "75")).containsExactly(
                Arrays.asList("binh_thuan_2025_16", "75", 2025, 50.0, 50.0, false, "met", 0.0, null));
        // >= 12 news items a year: 5 + 7 postings in 742 meet it exactly; 740 posted nothing it reported
        assertThat(verdicts("2024", "cao_bang_district_2022_02", "742", "740")).containsExactly(
                Arrays.asList("cao_bang_district_2022_02", "740", 2022, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList("cao_bang_district_2022_02", "742", 2022, 12.0, 12.0, false, "met", 0.0, null));
        // >= 70 % of communes with an activity: 740's one commune of one; 742's one of two
        assertThat(verdicts("2024", "cao_bang_district_2022_01", "742", "740")).containsExactly(
                Arrays.asList("cao_bang_district_2022_01", "740", 2022, 100.0, 100.0, false, "met", 30.0, null),
                Arrays.asList("cao_bang_district_2022_01", "742", 2022, 50.0, 50.0, false, "not_met", -20.0, null));
        // >= 1 commune with an activity, for a commune: 0 or 1
        assertThat(verdicts("2024", "tan_thanh_2025_03", "26503", "26473", "26470")).containsExactly(
                Arrays.asList("tan_thanh_2025_03", "26470", 2025, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList("tan_thanh_2025_03", "26473", 2025, 0.0, 0.0, false, "not_met", -1.0, null),
                Arrays.asList("tan_thanh_2025_03", "26503", 2025, 1.0, 1.0, false, "met", 0.0, null));
    }

    @Test
    void equalsHundredMeansReachingItAndEqualsZeroMeansExactlyZero() {
        // = 100: 120 % (training attendances over staff) meets it; 99.5 % does not, though it rounds to 100
        assertThat(verdicts("2024", "cao_bang_district_2022_08", "742", "740")).containsExactly(
                Arrays.asList("cao_bang_district_2022_08", "740", 2022, 99.5, 99.5, false, "not_met", -0.5, null),
                Arrays.asList("cao_bang_district_2022_08", "742", 2022, 120.0, 120.0, false, "met", 20.0, null));
        assertThat(verdicts("2024", "cao_bang_district_2022_05", "742", "740")).containsExactly(
                Arrays.asList("cao_bang_district_2022_05", "740", 2022, 0.0, 0.0, false, "not_met", -100.0, null),
                Arrays.asList("cao_bang_district_2022_05", "742", 2022, 100.0, 100.0, false, "met", 0.0, null));
        // = 0 hotspots: 0 meets it, 2 does not; <= 1 likewise
        assertThat(verdicts("2024", NO_HOTSPOT, "75")).containsExactly(
                Arrays.asList(NO_HOTSPOT, "75", 2023, 0.0, 0.0, false, "met", 0.0, null),
                Arrays.asList(NO_HOTSPOT, "75", 2024, 2.0, 2.0, false, "not_met", 2.0, null));
        assertThat(verdicts("2024", AT_MOST_ONE_HOTSPOT, "75")).containsExactly(
                Arrays.asList(AT_MOST_ONE_HOTSPOT, "75", 2023, 0.0, 0.0, false, "met", -1.0, null),
                Arrays.asList(AT_MOST_ONE_HOTSPOT, "75", 2024, 2.0, 2.0, false, "not_met", 1.0, null));
    }

    @Test
    void growthIsJudgedOnTheYearOnYearChangeWithTheHalfYearAnnualised() {
        // 75: 200 → 206 is +3 % (the band's edge, met); 2023 is missing, so 2023 and 2024 have no growth;
        // 2025: 52 in six months, 104 a year, +4 % on 2024's 100. 74: 200 → 212 is +6 %, above the band
        assertThat(verdicts("2024", GROWTH, "75", "74")).containsExactly(
                Arrays.asList(GROWTH, "74", 2021, 200.0, null, false, "no_data", null, "No value for the year before, so no growth"),
                Arrays.asList(GROWTH, "74", 2022, 212.0, 6.0, false, "not_met", 3.0, "Growth above the band (exceeded)"),
                Arrays.asList(GROWTH, "74", 2023, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList(GROWTH, "74", 2024, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList(GROWTH, "74", 2025, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList(GROWTH, "75", 2021, 200.0, null, false, "no_data", null, "No value for the year before, so no growth"),
                Arrays.asList(GROWTH, "75", 2022, 206.0, 3.0, false, "met", 0.0, null),
                Arrays.asList(GROWTH, "75", 2023, null, null, false, "no_data", null, "No figures for the unit in this year"),
                Arrays.asList(GROWTH, "75", 2024, 100.0, null, false, "no_data", null, "No value for the year before, so no growth"),
                Arrays.asList(GROWTH, "75", 2025, 52.0, 4.0, true, "met", 1.0, null));
        assertThat(AnalyticsFixture.query(warehouse, """
                select previous_actual, partial_year, comparator, threshold, threshold_high from targets
                where vintage = '2024' and target_id = 'binh_thuan_2025_10' and unit_code = '75'""").rows())
                .containsExactly(List.of(100.0, true, "growth_between", 3.0, 5.0));
        assertThat(verdicts("2024", "binh_thuan_2025_10", "75")).containsExactly(
                Arrays.asList("binh_thuan_2025_10", "75", 2025, 52.0, 4.0, true, "met", 1.0, null));
    }

    @Test
    void halfYearCountsAreAnnualisedAndSharesAreNot() {
        // 6 news items in six months: 12 a year, which meets ">= 12 a year"
        assertThat(verdicts("2024", "binh_thuan_2025_02", "75")).containsExactly(
                Arrays.asList("binh_thuan_2025_02", "75", 2025, 6.0, 12.0, true, "met", 0.0, null));
        assertThat(verdicts("2024", "binh_thuan_2025_14", "75")).containsExactly(
                Arrays.asList("binh_thuan_2025_14", "75", 2025, 1300.0 / 15, 1300.0 / 15, false, "met", 1300.0 / 15 - 60, null));
        assertThat(verdicts("2024", "binh_thuan_2025_01", "75")).containsExactly(
                Arrays.asList("binh_thuan_2025_01", "75", 2025, 50.0, 50.0, false, "not_met", -20.0, null));
    }

    @Test
    void notMeasurableAndOutOfDataYearsKeepOneRowPerUnitAndYear() {
        assertThat(AnalyticsFixture.query(warehouse, """
                select status, actual, threshold, gap, reason from targets
                where vintage = '2024' and target_id = 'tan_thanh_2025_01' and unit_code = '26503'""").rows())
                .containsExactly(Arrays.asList("not_measurable", null, null, null,
                        "IIA counts workers of risky businesses reached (iia_reached_venue_workers) but not how many such workers there are; the only count "
                                + "(IA ia_culture_venue_workers) is the provincial culture department's province-wide figure, so the share cannot be computed for a ward."));
        assertThat(verdicts("2025", "tan_phong_2026_2030_01", "26503")).containsExactly(
                Arrays.asList("tan_phong_2026_2030_01", "26503", 2026, null, null, false, "no_data", null, "The forms of the period hold no figures for 2026"),
                Arrays.asList("tan_phong_2026_2030_01", "26503", 2027, null, null, false, "no_data", null, "The forms of the period hold no figures for 2027"),
                Arrays.asList("tan_phong_2026_2030_01", "26503", 2028, null, null, false, "no_data", null, "The forms of the period hold no figures for 2028"),
                Arrays.asList("tan_phong_2026_2030_01", "26503", 2029, null, null, false, "no_data", null, "The forms of the period hold no figures for 2029"),
                Arrays.asList("tan_phong_2026_2030_01", "26503", 2030, null, null, false, "no_data", null, "The forms of the period hold no figures for 2030"));
        // a commune: Tân Thạnh's 8 targets of 2025, Tân Phong's 3 yearly targets over 2026–2030 and 3 for 2030 alone
        // a district: Cao Bằng's 8 and Bình Thuận's one district target; a province: Bình Thuận's 15 and the 9 test rows
        assertThat(AnalyticsFixture.query(warehouse, """
                select unit_code, count(*) from targets where vintage = '2024' and unit_code in ('26503', '742', '75')
                group by unit_code order by unit_code""").rows())
                .containsExactly(List.of("26503", 26L), List.of("742", 9L), List.of("75", 24L));
        // vintage 2025 has no districts, so no district target has a row there
        assertThat(AnalyticsFixture.query(warehouse, "select count(*) from targets where vintage = '2025' and (level = 'district' or target_id like 'cao_bang%')").rows())
                .containsExactly(List.of(0L));
    }

    @Test
    void everyVerdictAgreesWithTheCatalogsComparator() {
        List<List<Object>> judged = AnalyticsFixture.query(warehouse, """
                select comparator, judged_value, threshold, threshold_high, status from targets
                where status in ('met', 'not_met')""").rows();
        assertThat(judged).hasSizeGreaterThan(20);
        for (List<Object> row : judged) {
            TargetComparator comparator = Arrays.stream(TargetComparator.values()).filter(value -> value.symbol().equals(row.get(0))).findFirst().orElseThrow();
            double high = row.get(3) == null ? Double.NaN : (Double) row.get(3);
            boolean met = comparator.isMet((Double) row.get(1), (Double) row.get(2), high);
            assertThat(row.get(4)).as(row.toString()).isEqualTo(met ? "met" : "not_met");
        }
    }
}
