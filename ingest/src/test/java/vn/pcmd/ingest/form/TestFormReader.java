package vn.pcmd.ingest.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.Submission;
import vn.pcmd.ingest.testing.OfficeForm;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TestFormReader {
    private static final String COMMUNE = "26503";
    /** Phường Nguyễn Trung Trực (Ba Đình, Hà Nội), abolished on 2024-12-31. */
    private static final String ABOLISHED_IN_2024 = "00010";
    private static final ReadOptions FOR_COMMUNE = new ReadOptions(Optional.of(COMMUNE), Optional.empty());

    private final Catalog catalog = TestingIngest.catalog();
    private final FormReader reader = new FormReader(catalog, TestingIngest.units(), XlsxLimits.DEFAULT);

    @TempDir
    Path temp;

    @Test
    void anOfficeTypedCommuneFormIsRecognisedByItsText() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IIA)
                .retype(label -> label.replace(", ", ",\n").replace(" ", "  ").toUpperCase(java.util.Locale.ROOT))
                .filled()
                .save(temp.resolve("xa-phuoc-an.xlsx"));
        FileOutcome outcome = reader.read(file, "sha", FOR_COMMUNE);
        assertThat(outcome.errors()).isEmpty();
        Submission submission = outcome.submissions().get(0);
        assertThat(submission.form()).isEqualTo(Form.IIA);
        assertThat(submission.unitCode()).isEqualTo(COMMUNE);
        assertThat(submission.facts()).hasSize(46 * 5);
        assertThat(submission.yearsReported()).containsExactly(2021, 2022, 2023, 2024, 2025);
    }

    @Test
    void aLabelPrintedTwiceIsToldApartByTheTotalItFallsUnder() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IIA).filled()
                .values("iia_violators_sellers", 5.0, 5.0, 5.0, 5.0, 5.0)
                .values("iia_sanctioned_sellers", 7.0, 7.0, 7.0, 7.0, 7.0)
                .save(temp.resolve("f.xlsx"));
        Map<String, Double> values2021 = facts2021(reader.read(file, "sha", FOR_COMMUNE));
        assertThat(values2021).containsEntry("iia_violators_sellers", 5.0).containsEntry("iia_sanctioned_sellers", 7.0);
    }

    @Test
    void valuesAreReadAsOfficesTypeThem() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IIA).filled()
                .values("iia_comm_participants", "1.234", "-", "12", null, 3.0)
                .values("iia_funding_total", "1.234,5", "12,5", 2.0, "1 000", null)
                .values("iia_funding_local", 1.0, 1.0, 1.0, 1.0, null)
                .values("iia_integrated_hiv", "x", "Không", "có", "Có", null);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", FOR_COMMUNE);
        assertThat(outcome.errors()).isEmpty();
        List<Fact> facts = outcome.submissions().get(0).facts();
        assertThat(value(facts, "iia_comm_participants", 2021)).contains(1234.0);
        assertThat(value(facts, "iia_comm_participants", 2022)).contains(0.0);
        assertThat(value(facts, "iia_comm_participants", 2023)).contains(12.0);
        assertThat(value(facts, "iia_comm_participants", 2024)).as("an empty cell is not reported, not 0").isEmpty();
        assertThat(value(facts, "iia_funding_total", 2021)).contains(1234.5);
        assertThat(value(facts, "iia_funding_total", 2022)).contains(12.5);
        assertThat(value(facts, "iia_funding_total", 2024)).contains(1000.0);
        assertThat(value(facts, "iia_integrated_hiv", 2021)).contains(1.0);
        assertThat(value(facts, "iia_integrated_hiv", 2022)).contains(0.0);
        assertThat(value(facts, "iia_integrated_hiv", 2023)).contains(1.0);
        Fact fact = facts.stream().filter(candidate -> candidate.indicatorCode().equals("iia_comm_participants") && candidate.year() == 2021).findFirst().orElseThrow();
        assertThat(fact.cell()).isEqualTo(form.cellOf("iia_comm_participants", 2021));
        assertThat(fact.sheet()).isEqualTo("Biểu IIA");
    }

    @Test
    void everyCellErrorNamesItsCellInBothLanguages() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IIA).filled()
                .values("iia_raids_public", -1.0, 1.0, 1.0, 1.0, 1.0)
                .values("iia_violators_total", 2.5, 3.0, 3.0, 3.0, 3.0)
                .values("iia_comm_sessions", 1.0, "nhiều", 1.0, 1.0, 1.0)
                .values("iia_integrated_drugs", "Có", "Có", "chưa rõ", "Có", "Có")
                .values("iia_sanctioned_administrative", 4.0, 4.0, 4.0, 2.0, 4.0)
                .values("iia_sanctioned_buyers", 1.0, 1.0, 1.0, 3.0, 1.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", FOR_COMMUNE);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.submissions()).isEmpty();
        assertThat(outcome.errors()).extracting(Issue::code, issue -> issue.cell().orElseThrow()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(IssueCode.VALUE_NEGATIVE, form.cellOf("iia_raids_public", 2021)),
                org.assertj.core.groups.Tuple.tuple(IssueCode.VALUE_FRACTION, form.cellOf("iia_violators_total", 2021)),
                org.assertj.core.groups.Tuple.tuple(IssueCode.VALUE_NOT_A_NUMBER, form.cellOf("iia_comm_sessions", 2022)),
                org.assertj.core.groups.Tuple.tuple(IssueCode.VALUE_NOT_YES_NO, form.cellOf("iia_integrated_drugs", 2023)),
                org.assertj.core.groups.Tuple.tuple(IssueCode.VALUE_ABOVE_TOTAL, form.cellOf("iia_sanctioned_buyers", 2024)));
        Issue negative = outcome.errors().stream().filter(issue -> issue.code() == IssueCode.VALUE_NEGATIVE).findFirst().orElseThrow();
        assertThat(negative.messageVi()).isEqualTo("Giá trị âm (-1) ở chỉ tiêu \"Số cuộc truy quét tại địa điểm công cộng\", năm 2021; số liệu không được âm.");
        assertThat(negative.messageEn()).isEqualTo("Negative value (-1) for \"Số cuộc truy quét tại địa điểm công cộng\", year 2021; figures cannot be negative.");
        assertThat(negative.sheet()).contains("Biểu IIA");
        Issue aboveTotal = outcome.errors().stream().filter(issue -> issue.code() == IssueCode.VALUE_ABOVE_TOTAL).findFirst().orElseThrow();
        assertThat(aboveTotal.messageVi()).isEqualTo("Chỉ tiêu \"Số người mua dâm\" (3) lớn hơn tổng \"Số người bị xử lý vi phạm hành chính\" (2) năm 2024; "
                + "số \"trong đó\" không được vượt tổng.");
    }

    @Test
    void visitsUnderACountOfPeopleMayExceedIt() throws IOException {
        FileOutcome outcome = reader.read(OfficeForm.of(catalog, Form.IIA).filled()
                .values("iia_sex_workers_eligible", 2.0, 2.0, 2.0, 2.0, 2.0)
                .values("iia_medical_support", 9.0, 9.0, 9.0, 9.0, 9.0)
                .save(temp.resolve("f.xlsx")), "sha", FOR_COMMUNE);
        assertThat(outcome.errors()).isEmpty();
    }

    @Test
    void anUnknownRowWithFiguresRejectsTheFile() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IIA).filled().extraRow("Số vụ cháy nổ", 1.0, 2.0, 3.0, 4.0, 5.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", FOR_COMMUNE);
        assertThat(outcome.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.ROW_UNKNOWN);
            assertThat(issue.cell()).contains("A" + form.rowOf("Số vụ cháy nổ"));
            assertThat(issue.messageVi()).contains("Dòng \"Số vụ cháy nổ\" không có trong danh mục chỉ tiêu của Phụ lục IIA");
        });
    }

    @Test
    void aMissingYearColumnRejectsTheFile() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IIA).years(List.of(2021, 2022, 2024, 2025)).save(temp.resolve("f.xlsx"));
        FileOutcome outcome = reader.read(file, "sha", FOR_COMMUNE);
        assertThat(outcome.errors()).extracting(Issue::code, Issue::messageEn)
                .contains(org.assertj.core.groups.Tuple.tuple(IssueCode.YEAR_COLUMN_MISSING, "The header lacks the column \"Năm 2023\"."));
    }

    @Test
    void aFigureInAYearTheUnitDidNotExistIsAnError() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IIA).values("iia_raids_public", 1.0, 1.0, 1.0, 1.0, 1.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", new ReadOptions(Optional.of(ABOLISHED_IN_2024), Optional.empty()));
        assertThat(outcome.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.VALUE_UNIT_DID_NOT_EXIST);
            assertThat(issue.cell()).contains(form.cellOf("iia_raids_public", 2025));
            assertThat(issue.messageVi()).isEqualTo("Đơn vị 00010 Phường Nguyễn Trung Trực không tồn tại trong năm 2025 nhưng có số liệu ở ô này.");
        });
    }

    @Test
    void anUnknownUnitAndAMissingUnitAreReported() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IIA).filled().save(temp.resolve("f.xlsx"));
        assertThat(reader.read(file, "sha", new ReadOptions(Optional.of("99999"), Optional.empty())).errors())
                .extracting(Issue::messageEn).containsExactly("There is no administrative unit with code \"99999\".");
        assertThat(reader.read(file, "sha", ReadOptions.NONE).errors())
                .extracting(Issue::code).containsExactly(IssueCode.UNIT_MISSING);
    }

    @Test
    void theUnitCodeMayBeWrittenInAHeading() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IIA).heading("UBND xã Phước An — Mã đơn vị: 26503").filled().save(temp.resolve("f.xlsx"));
        FileOutcome outcome = reader.read(file, "sha", ReadOptions.NONE);
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.submissions().get(0).unitCode()).isEqualTo(COMMUNE);
    }

    @Test
    void aTotalThatDisagreesWithTheYearsIsAWarningOnly() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IIA).filled().values("iia_raids_public", 1.0, 2.0, 3.0, 4.0, 5.0).total("iia_raids_public", 16.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", FOR_COMMUNE);
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.TOTAL_MISMATCH);
            assertThat(issue.cell()).contains("H" + form.rowOf("iia_raids_public"));
            assertThat(issue.messageVi()).isEqualTo("Cột Tổng cộng ghi 16 nhưng tổng các năm là 15 (chỉ tiêu \"Số cuộc truy quét tại địa điểm công cộng\").");
        });
        assertThat(outcome.submissions().get(0).warnings()).hasSize(1);
    }

    @Test
    void aDepartmentSendingTheWholeLayoutWithItsSectionFilledIsRecognised() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IA).heading("Phụ lục IA")
                .values("ia_police_hotspots", 3.0, 3.0, 2.0, 2.0, 1.0)
                .values("ia_police_offenders_prosecuted", 5.0, 4.0, 4.0, 6.0, 2.0)
                .values("ia_police_offenders_pimps", 2.0, 1.0, 1.0, 2.0, 0.0)
                .values("ia_staff_trained", 12.0, 15.0, 20.0, 18.0, 9.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("cong-an.xlsx")), "sha", new ReadOptions(Optional.of("75"), Optional.empty()));
        assertThat(outcome.errors()).isEmpty();
        Submission submission = outcome.submissions().get(0);
        assertThat(submission.form()).isEqualTo(Form.IA);
        assertThat(submission.agency()).contains("police");
        assertThat(submission.facts()).hasSize(4 * 5);
    }

    @Test
    void aDepartmentSectionAloneIsNamedByItsHeading() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IA).heading("Cơ quan báo cáo: Tòa án nhân dân tỉnh Đồng Nai")
                .rows(catalog.indicatorsForAgency("court")).filled();
        FileOutcome outcome = reader.read(form.save(temp.resolve("toa-an.xlsx")), "sha", new ReadOptions(Optional.of("75"), Optional.empty()));
        assertThat(outcome.errors()).isEmpty();
        Submission submission = outcome.submissions().get(0);
        assertThat(submission.agency()).contains("court");
        // "+ Số bị cáo" is printed under both "Số vụ án liên quan…" and "Số vụ án đưa ra xét xử"
        assertThat(submission.facts()).extracting(Fact::indicatorCode).contains("ia_court_cases_defendants", "ia_court_tried_defendants");
    }

    @Test
    void figuresInAnotherDepartmentsSectionAreRejected() throws IOException {
        OfficeForm form = OfficeForm.of(catalog, Form.IA)
                .values("ia_police_hotspots", 3.0, 3.0, 2.0, 2.0, 1.0)
                .values("ia_culture_venues_total", 300.0, 310.0, 320.0, 330.0, 330.0);
        FileOutcome outcome = reader.read(form.save(temp.resolve("f.xlsx")), "sha", new ReadOptions(Optional.of("75"), Optional.of("police")));
        assertThat(outcome.errors()).extracting(Issue::code).containsExactly(IssueCode.ROW_OTHER_AGENCY);
        assertThat(outcome.errors().get(0).messageEn()).contains("belongs to the section of Sở Văn hóa, Thể thao, but this form is from Công an tỉnh");
    }

    @Test
    void phuLucIaMustComeFromAProvince() throws IOException {
        Path file = OfficeForm.of(catalog, Form.IA).values("ia_police_hotspots", 1.0, 1.0, 1.0, 1.0, 1.0).save(temp.resolve("f.xlsx"));
        assertThat(reader.read(file, "sha", new ReadOptions(Optional.of(COMMUNE), Optional.of("police"))).errors())
                .extracting(Issue::code).containsExactly(IssueCode.UNIT_WRONG_LEVEL);
    }

    private static Map<String, Double> facts2021(FileOutcome outcome) {
        assertThat(outcome.errors()).isEmpty();
        return outcome.submissions().get(0).facts().stream().filter(fact -> fact.year() == 2021).collect(Collectors.toMap(Fact::indicatorCode, Fact::value));
    }

    private static Optional<Double> value(List<Fact> facts, String code, int year) {
        return facts.stream().filter(fact -> fact.indicatorCode().equals(code) && fact.year() == year).map(Fact::value).findFirst();
    }
}
