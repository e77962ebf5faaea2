package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.IngestReport;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd ingest}: validates forms and commits the accepted ones to the warehouse as one batch. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Kiểm tra và nạp biểu mẫu vào kho (validate, load forms)",
        footer = {"",
                "Tệp .xlsx (biểu Phụ lục IA, IIA) hoặc .csv dạng dài với tiêu đề: unit_code,form,agency,indicator_code,year,value",
                "Mã thoát / exit codes: 0 tất cả được nhận (all accepted), 3 có tệp bị từ chối (some rejected), 2 lỗi cú pháp lệnh (usage)."})
final class IngestCommand implements Callable<Integer> {
    static final int EXIT_SOME_REJECTED = 3;
    private static final int ERRORS_SHOWN_PER_FILE = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--unit", description = "Mã đơn vị báo cáo, cho biểu mẫu không tự ghi mã (the reporting unit's code)")
    Optional<String> unit;

    @Option(names = "--agency", description = "Sở, ngành gửi Phụ lục IA: police, military, culture, education, justice, finance, procuracy, court, labour, women, health")
    Optional<String> agency;

    @Option(names = "--report", description = "Ghi kết quả từng tệp và mọi lỗi ra tệp JSON (write every outcome and issue as JSON)")
    Optional<Path> report;

    @Option(names = "--threads", defaultValue = "2", description = "Số luồng đọc tệp (mặc định: ${DEFAULT-VALUE})")
    int threads;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Tệp hoặc thư mục biểu mẫu (.xlsx, .csv)")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try {
            files = InputFiles.expand(paths);
        }
        catch (NoSuchFileException e) {
            throw new UserException("Không có tệp hoặc thư mục / No such file or folder: " + e.getFile(), Main.EXIT_USAGE);
        }
        if (files.isEmpty()) {
            throw new UserException("Không tìm thấy tệp .xlsx hoặc .csv nào trong " + paths + " / No .xlsx or .csv file found", Main.EXIT_USAGE);
        }
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        Warehouse target = new Warehouse(warehouse);
        Progress progress = new ConsoleProgress(spec.commandLine().getErr());
        IngestResult result = new Ingestor(catalog, units, XlsxLimits.DEFAULT, threads, Clock.systemUTC())
                .ingest(target, files, new ReadOptions(unit, agency), progress);
        printRejections(out, result);
        printSummary(out, result, target);
        if (report.isPresent()) {
            IngestReport.write(report.get(), target.root(), result);
            out.println("Báo cáo / report: " + report.get().toAbsolutePath());
        }
        return result.count(IngestResult.Status.REJECTED) > 0 ? EXIT_SOME_REJECTED : 0;
    }

    private static void printRejections(PrintWriter out, IngestResult result) {
        for (IngestResult.FileResult file : result.files()) {
            if (file.status() != IngestResult.Status.REJECTED) {
                continue;
            }
            out.println("✗ Bị từ chối / rejected: " + file.file());
            List<Issue> errors = file.issues().stream().filter(Issue::isError).toList();
            for (Issue issue : errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN_PER_FILE))) {
                String where = issue.sheet().map(sheet -> "  [" + sheet + (issue.cell().map(cell -> "!" + cell).orElse("")) + "] ").orElse("  ");
                out.println(where + issue.messageVi());
                out.println("  " + " ".repeat(Math.max(0, where.length() - 2)) + issue.messageEn());
            }
            if (errors.size() > ERRORS_SHOWN_PER_FILE) {
                out.println("  … và " + (errors.size() - ERRORS_SHOWN_PER_FILE) + " lỗi khác / and " + (errors.size() - ERRORS_SHOWN_PER_FILE) + " more (--report)");
            }
        }
    }

    private static void printSummary(PrintWriter out, IngestResult result, Warehouse warehouse) {
        long warnings = result.files().stream().flatMap(file -> file.issues().stream()).filter(issue -> !issue.isError()).count();
        double seconds = Math.max(result.elapsed().toMillis(), 1) / 1000.0;
        out.printf("Nhận / accepted: %d  Không đổi / unchanged: %d  Từ chối / rejected: %d  Cảnh báo / warnings: %d%n",
                result.count(IngestResult.Status.ACCEPTED), result.count(IngestResult.Status.UNCHANGED), result.count(IngestResult.Status.REJECTED), warnings);
        out.printf("Số liệu đã ghi / facts written: %d  trong / in %.1f s (%.1f tệp/s, files/s)%n", result.factsWritten(), seconds, result.files().size() / seconds);
        out.println(result.batchId()
                .map(batch -> "Lô / batch " + batch + " → " + warehouse.batchesDirectory().resolve(batch))
                .orElse("Kho không thay đổi / warehouse unchanged: " + warehouse.root()));
    }
}
