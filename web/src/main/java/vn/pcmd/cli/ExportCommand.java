package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.export.DatasetExporter;
import vn.pcmd.export.ExportException;
import vn.pcmd.export.ExportFormat;
import vn.pcmd.export.ExportRequest;
import vn.pcmd.export.ExportViews;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd export}: a summary dataset as CSV, XLSX or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Xuất dữ liệu tổng hợp CSV/XLSX/Parquet (export datasets)",
        footer = {"",
                "Bộ dữ liệu / datasets: facts (số liệu hiện hành / current figures), submissions (các lần gửi / accepted submissions),",
                "  và mỗi bảng phân tích / and each mart: rollup, trends, compare, targets, quality, derived (sau / after ./pcmd jobs).",
                "--unit giữ đơn vị và mọi đơn vị trực thuộc theo địa giới --vintage; với facts, submissions: các đơn vị báo cáo có số liệu",
                "  thuộc về đơn vị đó (keeps the unit and everything below it; for facts and submissions, the reporters landing there).",
                "CSV: UTF-8 có BOM, RFC 4180; ô chữ bắt đầu bằng = + - @ được thêm ' phía trước (CSV injection). Không giới hạn số dòng.",
                "Ví dụ / example: ./pcmd export --dataset rollup --unit 75 --level commune --format xlsx --out rollup_75.xlsx"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Bộ dữ liệu (xem bên dưới / see below)")
    String dataset;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, xlsx hoặc parquet (mặc định: theo đuôi tệp --out / from the --out extension)")
    Optional<ExportFormat> format;

    @Option(names = "--unit", paramLabel = "CODE", description = "Chỉ đơn vị này và các đơn vị trực thuộc (VN = toàn quốc)")
    Optional<String> unit;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Chỉ một cấp: nation, province, district (2024), commune")
    Optional<String> level;

    @Option(names = "--vintage", defaultValue = "2025", paramLabel = "2024|2025", converter = UnitsCommand.VintageConverter.class,
            description = "Địa giới 2024 (trước sắp xếp) hoặc 2025 (từ 01/7/2025) (mặc định: ${DEFAULT-VALUE})")
    Vintage vintage;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, paramLabel = "DIR", description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp ghi ra")
    Path out;

    @Override
    public Integer call() throws IOException {
        try {
            String name = dataset.strip().toLowerCase(Locale.ROOT);
            DatasetExporter.checkDataset(name);
            ExportFormat chosen = ExportFormat.of(format, out);
            ExportRequest request = new ExportRequest(name, chosen, unit.map(String::strip), level.map(value -> value.strip().toLowerCase(Locale.ROOT)), vintage, out);
            DatasetExporter.ExportResult result;
            try (AnalyticsSession session = AnalyticsSession.open(warehouse)) {
                ExportViews.register(session.engine(), session.warehouse(), session.referenceTables());
                result = new DatasetExporter(session.engine(), JobRunner.martsDirectory(session.warehouse())).export(request);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Đã ghi %d dòng / wrote %d rows: %s%n", result.rows(), result.rows(), result.file());
            return 0;
        }
        catch (ExportException e) {
            throw userException(e);
        }
    }

    static UserException userException(ExportException e) {
        return new UserException(e.getMessage(), e.code().category() == ExportException.Category.USAGE ? Main.EXIT_USAGE : 1);
    }
}
