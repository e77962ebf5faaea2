package vn.pcmd.analytics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.form.FilledCell;
import vn.pcmd.ingest.form.FormIdentity;
import vn.pcmd.ingest.form.FormTemplateWriter;
import vn.pcmd.ingest.form.FormValues;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each quality check flagged on a constructed case and silent on a clean one. Huyện Nhơn Trạch (742) and huyện Long
 * Thành (740) of Đồng Nai (75); three forms are filled .xlsx with the day they were sent, everything else is CSV,
 * which records no such day.
 */
class TestQualityJob {
    @TempDir
    static Path temp;

    private static Warehouse warehouse;
    private static Issue totalMismatch;

    @BeforeAll
    static void computeMarts() throws IOException {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        // sent 5 days late; its Tổng cộng for iia_raids_public (8 + 40 + 30 + 30 + 9 = 117) says 99
        IngestResult late = ingestForm("26503.xlsx", FormIdentity.unit("26503", "Xã Phước An").submittedOn(LocalDate.of(2025, 9, 4)), new FormValues()
                .putNumber("iia_violators_total", 2023, 3)
                .putNumber("iia_comm_sessions", 2024, 40)
                .putNumber("iia_comm_materials", 2024, 7)
                .putNumber("iia_staff", 2024, 10)
                .putNumber("iia_raids_public", 2021, 8)
                .putNumber("iia_raids_public", 2022, 40)
                .putNumber("iia_raids_public", 2023, 30)
                .putNumber("iia_raids_public", 2024, 30)
                .putNumber("iia_raids_public", 2025, 9)
                .overrideTotal("iia_raids_public", 99));
        totalMismatch = late.files().get(0).issues().get(0);
        // sent on the deadline itself: on time
        ingestForm("26473.xlsx", FormIdentity.unit("26473", "Xã Long Tân").submittedOn(LocalDate.of(2025, 8, 30)), new FormValues()
                .putNumber("iia_violators_total", 2023, 4)
                .putNumber("iia_comm_sessions", 2024, 4)
                .putNumber("iia_comm_materials", 2024, 0)
                .putNumber("iia_staff", 2024, 6)
                .putNumber("iia_raids_public", 2021, 1)
                .putNumber("iia_raids_public", 2022, 4)
                .putNumber("iia_raids_public", 2024, 10)
                .putNumber("iia_raids_public", 2025, 20));
        // the district's own report, sent in the next year: 125 days late; 9 violators where its communes have 3 + 4
        ingestForm("742.xlsx", FormIdentity.unit("742", "Huyện Nhơn Trạch").submittedOn(LocalDate.of(2026, 1, 2)), new FormValues()
                .putNumber("iia_violators_total", 2023, 9)
                .put("iia_integrated_hiv", 2023, FilledCell.text("Có", 1)));
        AnalyticsFixture.ingest(warehouse, "others.csv",
                // the other communes of 742: six peers in 2024
                "26470,IIA,,iia_comm_sessions,2024,3",
                "26470,IIA,,iia_comm_materials,2024,0",
                "26470,IIA,,iia_staff,2024,5",
                "26470,IIA,,iia_raids_public,2023,30",
                "26470,IIA,,iia_raids_public,2024,6",
                "26476,IIA,,iia_comm_sessions,2024,5",
                "26476,IIA,,iia_comm_materials,2024,0",
                "26476,IIA,,iia_staff,2024,7",
                "26479,IIA,,iia_comm_sessions,2024,4",
                "26479,IIA,,iia_comm_materials,2024,0",
                "26479,IIA,,iia_staff,2024,8",
                "26482,IIA,,iia_comm_sessions,2024,3",
                "26482,IIA,,iia_comm_materials,2024,0",
                "26482,IIA,,iia_staff,2024,9",
                // four communes of 740: too few peers to judge, however far 26389 stands out
                "26368,IIA,,iia_comm_sessions,2024,0",
                "26383,IIA,,iia_comm_sessions,2024,0",
                "26383,IIA,,iia_violators_total,2023,5",
                "26386,IIA,,iia_comm_sessions,2024,0",
                "26389,IIA,,iia_comm_sessions,2024,50",
                // 740's own report agrees with its commune; its yes is not compared with a count of yeses
                "740,IIA,,iia_violators_total,2023,5",
                "740,IIA,,iia_integrated_hiv,2023,Có",
                // the province's departments: all eleven in 2023, health missing in 2024
                "75,IA,police,ia_staff_fulltime,2023,4",
                "75,IA,military,ia_staff_fulltime,2023,2",
                "75,IA,culture,ia_staff_fulltime,2023,2",
                "75,IA,education,ia_staff_fulltime,2023,1",
                "75,IA,justice,ia_staff_fulltime,2023,1",
                "75,IA,finance,ia_staff_fulltime,2023,1",
                "75,IA,procuracy,ia_staff_fulltime,2023,1",
                "75,IA,court,ia_staff_fulltime,2023,1",
                "75,IA,labour,ia_staff_fulltime,2023,3",
                "75,IA,women,ia_staff_fulltime,2023,2",
                "75,IA,health,ia_staff_fulltime,2023,1",
                "75,IA,police,ia_staff_fulltime,2024,4",
                "75,IA,military,ia_staff_fulltime,2024,2",
                "75,IA,culture,ia_staff_fulltime,2024,2",
                "75,IA,education,ia_staff_fulltime,2024,1",
                "75,IA,justice,ia_staff_fulltime,2024,1",
                "75,IA,finance,ia_staff_fulltime,2024,1",
                "75,IA,procuracy,ia_staff_fulltime,2024,1",
                "75,IA,court,ia_staff_fulltime,2024,1",
                "75,IA,labour,ia_staff_fulltime,2024,3",
                "75,IA,women,ia_staff_fulltime,2024,2");
        AnalyticsFixture.runJobs(warehouse, List.of("quality"), Vintage.V2024, Vintage.V2025);
    }

    private static IngestResult ingestForm(String fileName, FormIdentity identity, FormValues values) throws IOException {
        Path file = Files.createDirectories(temp.resolve("forms")).resolve(fileName);
        new FormTemplateWriter(AnalyticsFixture.catalog()).writeFilled(identity, values, file);
        IngestResult result = new Ingestor(AnalyticsFixture.catalog(), new UnitRegistry(AnalyticsFixture.units(), AnalyticsFixture.catalog().period()),
                XlsxLimits.DEFAULT, 1, Clock.systemUTC()).ingest(warehouse, List.of(file), ReadOptions.NONE, Progress.NONE);
        assertThat(result.count(IngestResult.Status.REJECTED)).as(result.files().toString()).isZero();
        return result;
    }

    private static List<List<Object>> rows(String sql) {
        return AnalyticsFixture.query(warehouse, sql).rows();
    }

    @Test
    void completenessCountsExpectedReportersOfTheYear() {
        assertThat(rows("""
                select reporter_level, form, year, value, expected, flagged, reason_vi, reason_en from quality
                where vintage = '2024' and "check" = 'completeness' and unit_code = '75'
                  and ((form = 'IA' and year in (2023, 2024)) or (form = 'IIA' and reporter_level in ('commune', 'district') and year = 2024))
                order by form, reporter_level, year"""))
                .containsExactly(
                        Arrays.asList("province", "IA", 2023, 11.0, 11.0, false,
                                "Đủ: 11/11 sở, ngành đã gửi biểu IA năm 2023", "Complete: 11 of 11 departments sent form IA for 2023"),
                        Arrays.asList("province", "IA", 2024, 10.0, 11.0, true,
                                "Thiếu 1 báo cáo: 10/11 sở, ngành đã gửi biểu IA năm 2024 (90,9%)",
                                "Missing 1 reports: 10 of 11 departments sent form IA for 2024 (90.9%)"),
                        Arrays.asList("commune", "IIA", 2024, 10.0, 170.0, true,
                                "Thiếu 160 báo cáo: 10/170 đơn vị cấp xã đã gửi biểu IIA năm 2024 (5,9%)",
                                "Missing 160 reports: 10 of 170 communes sent form IIA for 2024 (5.9%)"),
                        Arrays.asList("district", "IIA", 2024, 0.0, 11.0, true,
                                "Thiếu 11 báo cáo: 0/11 đơn vị cấp huyện đã gửi biểu IIA năm 2024 (0,0%)",
                                "Missing 11 reports: 0 of 11 districts sent form IIA for 2024 (0.0%)"));
        // the nation counts every province's departments
        assertThat(rows("""
                select level, value, expected, score from quality
                where vintage = '2024' and "check" = 'completeness' and unit_code = 'VN' and form = 'IA' and year = 2023"""))
                .containsExactly(List.of("nation", 11.0, 693.0, 11.0 / 693));
    }

    @Test
    void timelinessComparesTheDaySentWithTheDeadline() {
        assertThat(rows("""
                select unit_code, level, form, value, flagged, reason_vi, reason_en from quality
                where vintage = '2024' and "check" = 'timeliness' and unit_code in ('26503', '26473', '742', '26470')
                order by unit_code"""))
                .containsExactly(
                        Arrays.asList("26470", "commune", "IIA", null, false,
                                "Không rõ ngày gửi: biểu không ghi ngày (hạn 30/8/2025)", "Date sent unknown: the form does not record it (deadline 2025-08-30)"),
                        Arrays.asList("26473", "commune", "IIA", 0.0, false,
                                "Gửi đúng hạn: ngày 30/8/2025 (hạn 30/8/2025)", "On time: sent 2025-08-30 (deadline 2025-08-30)"),
                        Arrays.asList("26503", "commune", "IIA", 5.0, true,
                                "Gửi muộn 5 ngày: gửi ngày 4/9/2025, hạn 30/8/2025", "Sent 5 days late: on 2025-09-04, deadline 2025-08-30"),
                        Arrays.asList("742", "district", "IIA", 125.0, true,
                                "Gửi muộn 125 ngày: gửi ngày 2/1/2026, hạn 30/8/2025", "Sent 125 days late: on 2026-01-02, deadline 2025-08-30"));
        // every current submission has a row: 3 forms; the CSV's 8 communes, 740 and 11 departments. Two are late
        assertThat(rows("""
                select count(*), count(case when flagged then 1 end) from quality where vintage = '2024' and "check" = 'timeliness'"""))
                .containsExactly(List.of(23L, 2L));
    }

    @Test
    void validationWarningsOfCurrentSubmissionsAreKeptInIngestsWords() {
        assertThat(totalMismatch.code().name()).isEqualTo("TOTAL_MISMATCH");
        assertThat(rows("""
                select unit_code, issue_code, indicator_code, flagged, reason_vi, reason_en, cell from quality
                where vintage = '2024' and "check" = 'validation_warning'"""))
                .containsExactly(Arrays.asList("26503", "TOTAL_MISMATCH", "iia_raids_public", true, totalMismatch.messageVi(), totalMismatch.messageEn(),
                        totalMismatch.cell().orElseThrow()));
    }

    @Test
    void consolidatedReportsThatDisagreeWithTheirCommunesAreFlagged() {
        // 742 reports 9 violators, its communes 3 + 4; 740's 5 agrees; yes/no answers are not compared with yes counts
        assertThat(rows("""
                select level, unit_code, indicator_code, year, value, expected, score, reason_vi, reason_en from quality
                where vintage = '2024' and "check" = 'reported_vs_rolled_up'"""))
                .containsExactly(Arrays.asList("district", "742", "iia_violators_total", 2023, 9.0, 7.0, 2.0,
                        "Số tự tổng hợp 9 khác tổng 7 cộng từ 2 đơn vị báo cáo (chênh +2)",
                        "Own consolidated report 9 differs from 7, the sum of 2 reporters (difference +2)"));
    }

    @Test
    void peerOutliersUseTheMedianAndTheMedianAbsoluteDeviation() {
        // iia_comm_sessions 2024 in 742: 3, 4, 5, 4, 3, 40 → median 4, deviations 1, 0, 1, 0, 1, 36 → MAD 1, z(40) = 0.6745 × 36.
        // Not flagged: iia_staff 5 … 10 (|z| ≤ 1.2); iia_comm_materials 0, 0, 0, 0, 0, 7 (MAD 0); 740's 0, 0, 0, 50 (4 peers)
        assertThat(rows("""
                select level, unit_code, indicator_code, year, value, expected, score, reason_vi, reason_en from quality
                where vintage = '2024' and "check" = 'outlier_peers'"""))
                .containsExactly(Arrays.asList("commune", "26503", "iia_comm_sessions", 2024, 40.0, 4.0, 0.6745 * 36.0 / 1.0,
                        "Cao bất thường trong 6 đơn vị cùng cấp, cùng cấp trên: 40, trung vị 4 (z = 24,3)",
                        "Unusually high among 6 units of the same level and parent: 40, median 4 (robust z = 24.3)"));
    }

    @Test
    void jumpsCompareWithThePreviousFullYearAndTheHalfYearAnnualised() {
        // iia_raids_public. 26503: 8, 40, 30, 30 and 9 in the half year (18 a year: ×0.6, not a drop, though 9 against 30 would be).
        // 26473: 1, 4 (too small to judge), no 2023, 10, and 20 in the half year: 40 a year, ×4 on 2024.
        // 26470: 30 then 6. The district, province and nation: 9, 44, 60, 46, 29 (58 a year)
        assertThat(rows("""
                select unit_code, year, partial_year, value, expected, score, reason_vi, reason_en from quality
                where vintage = '2024' and "check" = 'outlier_jump' and indicator_code = 'iia_raids_public'"""))
                .containsExactly(
                        Arrays.asList("26470", 2024, false, 6.0, 30.0, 0.2,
                                "Giảm đột biến: 6 so với 30 năm 2023 (×0,2)", "Drop: 6 against 30 in 2023 (×0.2)"),
                        Arrays.asList("26473", 2025, true, 40.0, 10.0, 4.0,
                                "Tăng đột biến: 40 (năm 2025 chưa trọn năm, quy năm: 20 × 2) so với 10 năm 2024 (×4,0)",
                                "Jump: 40 (2025 is a part year, annualised: 20 × 2) against 10 in 2024 (×4.0)"),
                        Arrays.asList("26503", 2022, false, 40.0, 8.0, 5.0,
                                "Tăng đột biến: 40 so với 8 năm 2021 (×5,0)", "Jump: 40 against 8 in 2021 (×5.0)"),
                        Arrays.asList("742", 2022, false, 44.0, 9.0, 44.0 / 9,
                                "Tăng đột biến: 44 so với 9 năm 2021 (×4,9)", "Jump: 44 against 9 in 2021 (×4.9)"),
                        Arrays.asList("75", 2022, false, 44.0, 9.0, 44.0 / 9,
                                "Tăng đột biến: 44 so với 9 năm 2021 (×4,9)", "Jump: 44 against 9 in 2021 (×4.9)"),
                        Arrays.asList("VN", 2022, false, 44.0, 9.0, 44.0 / 9,
                                "Tăng đột biến: 44 so với 9 năm 2021 (×4,9)", "Jump: 44 against 9 in 2021 (×4.9)"));
    }

    @Test
    void martHasTheDocumentedColumnsInBothVintages() {
        assertThat(rows("select column_name from (describe quality)").stream().map(row -> row.get(0)).toList())
                .containsExactly("vintage", "check", "level", "unit_code", "unit_name", "province_code", "reporter_level", "form", "agency", "indicator_code",
                        "year", "partial_year", "value", "expected", "score", "flagged", "reason_vi", "reason_en", "issue_code", "submission_id", "source_file",
                        "cell");
        // vintage 2025: the same submissions, now under the new Đồng Nai (75, with Bình Phước); no districts, so the district's
        // disagreement has no unit there and the new province sent no report of its own
        assertThat(rows("""
                select "check", count(*) from quality where vintage = '2025' and "check" in ('timeliness', 'reported_vs_rolled_up', 'validation_warning')
                group by "check" order by "check\""""))
                .containsExactly(List.of("timeliness", 23L), List.of("validation_warning", 1L));
    }
}
