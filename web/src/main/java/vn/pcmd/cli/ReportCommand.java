package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.export.ConsolidatedReport;
import vn.pcmd.export.ExportException;
import vn.pcmd.export.ExportViews;
import vn.pcmd.export.ReportRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd report}: the filled official form of a unit, consolidated from everything below it. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lập biểu tổng hợp số liệu của một đơn vị (official report)",
        footer = {"",
                "Biểu IIA: tổng hợp từ các xã, phường thuộc đơn vị (bảng rollup; cần ./pcmd jobs); dòng Có/không ghi số đơn vị trả lời Có.",
                "Biểu IA: số liệu các sở, ngành của tỉnh (hoặc toàn quốc, --unit VN); --agency chỉ một sở, ngành.",
                "Ô để trống khi không có đơn vị nào báo cáo (không ghi 0).",
                "Ví dụ / example: ./pcmd report --unit 75 --form IIA --vintage 2025 --out IIA_75_2025.xlsx"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị theo địa giới --vintage (VN = toàn quốc)")
    String unit;

    @Option(names = "--form", required = true, paramLabel = "FORM", description = "IIA (xã, huyện, tỉnh) hoặc IA (sở, ngành cấp tỉnh)")
    Form form;

    @Option(names = "--vintage", defaultValue = "2025", paramLabel = "2024|2025", converter = UnitsCommand.VintageConverter.class,
            description = "Địa giới 2024 (trước sắp xếp) hoặc 2025 (từ 01/7/2025) (mặc định: ${DEFAULT-VALUE})")
    Vintage vintage;

    @Option(names = "--agency", paramLabel = "DEPT", description = "Chỉ một sở, ngành (biểu IA): police, military, culture, education, justice, finance, "
            + "procuracy, court, labour, women, health")
    Optional<String> agency;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, paramLabel = "DIR", description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Tệp .xlsx ghi ra")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (AnalyticsSession session = AnalyticsSession.open(warehouse)) {
            ExportViews.register(session.engine(), session.warehouse(), session.referenceTables());
            ConsolidatedReport.ReportResult result = new ConsolidatedReport(session.catalog(), session.engine(), JobRunner.martsDirectory(session.warehouse()))
                    .write(new ReportRequest(unit.strip(), form, vintage, agency.map(String::strip)), out);
            spec.commandLine().getOut().printf("Đã lập %s của %s (địa giới %s): %d dòng, %d ô có số liệu / wrote the report: %s%n",
                    form.titleVi(), result.unitName(), vintage.code(), result.filledRows(), result.filledCells(), result.file());
            return 0;
        }
        catch (ExportException e) {
            throw ExportCommand.userException(e);
        }
    }
}
