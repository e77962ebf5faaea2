package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.jobs.RollupJob;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.ProvinceMapping;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.export.ConsolidatedReport;
import vn.pcmd.export.DatasetExporter;
import vn.pcmd.export.ExportFormat;
import vn.pcmd.export.ExportRequest;
import vn.pcmd.export.ExportViews;
import vn.pcmd.export.ReportRequest;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.generate.GenerationOptions;
import vn.pcmd.ingest.generate.GenerationScope;
import vn.pcmd.ingest.generate.GenerationSummary;
import vn.pcmd.ingest.generate.SyntheticForms;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code pcmd demo}: the whole chain for one province on the embedded engine — generate its forms, ingest them, run
 * every job, export the province's roll-up and its official report — then says where everything is and serves the
 * leaders' site on it, with a demo account whose password it prints (new on every run). A rerun reuses
 * what is there: the forms when they are still those generated, and ingest finds every file unchanged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chạy minh họa trọn chuỗi cho một tỉnh (demo on one province)",
        footer = {"", "Sinh biểu mẫu → nạp vào kho → chạy tác vụ phân tích → xuất dữ liệu và biểu tổng hợp của tỉnh → mở trang web.",
                "Generate → ingest → jobs → exports → site, all under --dir; a rerun reuses the forms and the warehouse."})
final class DemoCommand implements Callable<Integer> {
    /** Marks a warehouse made by the demo, which the demo may fill again. */
    static final String DEMO_MARKER = ".pcmd-demo";

    static final long SEED = 7;
    /** The demo's own account, made afresh (with a new password) on every run. */
    static final String DEMO_ACCOUNT = "lanhdao";
    private static final int THREADS = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "demo", paramLabel = "DIR",
            description = "Thư mục của bản minh họa: forms/, warehouse/, exports/ (mặc định: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, paramLabel = "DIR",
            description = "Kho dữ liệu của bản minh họa — mặc định là kho mặc định của mọi lệnh, để ./pcmd query … chạy ngay sau đó "
                    + "(the default warehouse of every command: ${DEFAULT-VALUE})")
    Path warehouseOption;

    @Option(names = "--province", defaultValue = "75", paramLabel = "CODE",
            description = "Mã tỉnh trước sắp xếp 2025 (mặc định: ${DEFAULT-VALUE}, Đồng Nai); tỉnh nhỏ chạy nhanh hơn, ví dụ 48")
    String province;

    @Option(names = "--port", defaultValue = "7070", description = "Cổng của trang web (mặc định: ${DEFAULT-VALUE}; 0 = cổng trống bất kỳ)")
    int port;

    @Option(names = "--no-serve", description = "Chỉ chuẩn bị số liệu, không mở trang web (prepare everything, do not serve the site)")
    boolean noServe;

    private PrintWriter out;
    private int step;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        out = spec.commandLine().getOut();
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        AdministrativeUnits units = new AdministrativeUnitsLoader(data).load();
        SyntheticForms generator = new SyntheticForms(catalog, units);
        if (!generator.isProvince(province)) {
            throw new UserException(Messages.get("generate.unknownProvince", province), Main.EXIT_USAGE);
        }
        // the demo shows the province under today's boundaries (it may have merged with others on 01/7/2025)
        Vintage vintage = Vintage.V2025;
        String reportedUnit = units.provinceMapping(province).map(ProvinceMapping::newCode).orElse(province);
        Path forms = dir.resolve("forms");
        Path exports = dir.resolve("exports");
        // the default warehouse of every command, so that `./pcmd query "…"` answers right after the demo; printed as
        // given, so that the commands suggested below can be pasted as they are
        Path warehouseDirectory = warehouseOption;
        guardAgainstARealWarehouse(warehouseDirectory);
        Path marts = warehouseDirectory.resolve("marts");
        Warehouse warehouse = new Warehouse(warehouseDirectory);
        ReferenceTables references = new ReferenceTables(catalog, units, Targets.load(data, catalog));

        generate(generator, catalog, forms);
        ingest(catalog, units, forms, warehouse, warehouseDirectory);
        jobs(references, warehouse, marts);
        Path rollupCsv = exports.resolve("rollup_" + reportedUnit + "_" + vintage.code() + ".csv");
        Path report = exports.resolve("IIA_" + reportedUnit + "_" + vintage.code() + ".xlsx");
        export(catalog, references, warehouse, vintage, reportedUnit, rollupCsv, report);
        String password = demoAccount(warehouseDirectory, reportedUnit, vintage);

        out.printf(Locale.ROOT, "%nXong trong / done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        out.println("  Kho dữ liệu / warehouse:      " + warehouseDirectory);
        out.println("  Bảng phân tích / marts:       " + marts + "  (" + String.join(", ", Jobs.names()) + ")");
        out.println("  Số liệu tổng hợp / roll-up:   " + rollupCsv);
        out.println("  Biểu tổng hợp / report:       " + report);
        out.println("Thử / try:");
        out.println("  ./pcmd query --warehouse " + warehouseDirectory + " \"select year, value, reporting_units from rollup where vintage = '" + vintage.code()
                + "' and unit_code = '" + reportedUnit + "' and indicator_code = 'iia_violators_total' order by year\"");
        out.println("  ./pcmd report --warehouse " + warehouseDirectory + " --unit " + reportedUnit + " --form IA --vintage " + vintage.code() + " --out "
                + exports.resolve("IA_" + reportedUnit + "_" + vintage.code() + ".xlsx"));
        out.println("  Tài khoản xem trang web / site account: " + DEMO_ACCOUNT + " / " + password + "  (xem và nộp biểu cho " + reportedUnit + " và các đơn vị trực thuộc)");
        out.flush();
        if (noServe) {
            out.println("Mở trang web / serve the site:  ./pcmd serve --warehouse " + warehouseDirectory);
            out.flush();
            return 0;
        }
        begin("Trang web / site");
        try (vn.pcmd.web.SiteServer site = ServeCommand.open(warehouseDirectory)) {
            site.start("127.0.0.1", port);
            out.println("      http://127.0.0.1:" + site.port() + "/   — đăng nhập / sign in: " + DEMO_ACCOUNT + " / " + password + "   (Ctrl-C để dừng / to stop)");
            out.flush();
            ServeCommand.waitUntilStopped();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** A viewer of the demo's unit with a new random password, printed for whoever runs the demo. */
    private static String demoAccount(Path warehouseDirectory, String unit, Vintage vintage) {
        vn.pcmd.web.auth.AccountStore accounts = ServeCommand.accountStore(warehouseDirectory);
        accounts.remove(DEMO_ACCOUNT);
        byte[] secret = new byte[9];
        new java.security.SecureRandom().nextBytes(secret);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accounts.add(DEMO_ACCOUNT, vn.pcmd.web.auth.Role.ANALYST, unit, vintage, password);
        return password;
    }

    /** The demo's synthetic figures must never mix with real ones: it fills only a warehouse it made itself. */
    private static void guardAgainstARealWarehouse(Path warehouseDirectory) throws IOException {
        Path marker = warehouseDirectory.resolve(DEMO_MARKER);
        if (java.nio.file.Files.isDirectory(warehouseDirectory.resolve(Warehouse.BATCHES)) && !java.nio.file.Files.exists(marker)) {
            throw new UserException("Kho " + warehouseDirectory + " đã có số liệu không phải của bản minh họa; hãy dùng --warehouse THƯ_MỤC_KHÁC. "
                    + "Warehouse " + warehouseDirectory + " holds figures that are not the demo's; pass --warehouse OTHER_DIR.", Main.EXIT_USAGE);
        }
        java.nio.file.Files.createDirectories(warehouseDirectory);
        if (!java.nio.file.Files.exists(marker)) {
            java.nio.file.Files.writeString(marker, "Kho minh họa do ./pcmd demo tạo (synthetic data made by ./pcmd demo)\n");
        }
    }

    private void generate(SyntheticForms generator, Catalog catalog, Path forms) throws IOException {
        long start = begin("Sinh biểu mẫu / generate forms: tỉnh / province " + province + ", seed " + SEED + " → " + forms);
        DemoForms request = new DemoForms(province, SEED, catalog.period().firstYear(), catalog.period().lastYear());
        if (request.matches(dir, forms)) {
            done(start, "đã có, dùng lại / already there, reused");
            return;
        }
        if (!SyntheticForms.clearPreviousOutput(forms)) {
            throw new UserException(Messages.get("generate.outNotEmpty", forms), Main.EXIT_USAGE);
        }
        GenerationOptions options = GenerationOptions.of(GenerationScope.province(province), request.firstYear(), request.lastYear(), SEED).withThreads(THREADS);
        GenerationSummary summary = generator.generate(options, forms, new ConsoleProgress(spec.commandLine().getErr()));
        request.writeStamp(dir, forms);
        done(start, summary.files() + " biểu / forms");
    }

    private void ingest(Catalog catalog, AdministrativeUnits units, Path forms, Warehouse warehouse, Path shown) throws IOException {
        long start = begin("Nạp vào kho / ingest → " + shown);
        IngestResult result = new Ingestor(catalog, new UnitRegistry(units, catalog.period()), XlsxLimits.DEFAULT, THREADS, Clock.systemUTC())
                .ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, new ConsoleProgress(spec.commandLine().getErr()));
        done(start, String.format(Locale.ROOT, "nhận / accepted %d, không đổi / unchanged %d, từ chối / rejected %d; %d số liệu / facts written",
                result.count(IngestResult.Status.ACCEPTED), result.count(IngestResult.Status.UNCHANGED), result.count(IngestResult.Status.REJECTED),
                result.factsWritten()));
    }

    private void jobs(ReferenceTables references, Warehouse warehouse, Path shown) {
        long start = begin("Tác vụ phân tích / jobs: " + String.join(", ", Jobs.names()) + " (địa giới / vintages 2024, 2025)");
        List<JobRunner.JobTiming> timings;
        try (DuckDbEngine engine = new DuckDbEngine(THREADS)) {
            timings = new JobRunner(engine, warehouse).run(references.all(), Jobs.withDependencies(Jobs.names()), List.of(Vintage.values()),
                    new ConsoleProgress(spec.commandLine().getErr()));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        timings.forEach(timing -> seconds.merge(timing.job(), timing.elapsed().toNanos() / 1e9, Double::sum));
        out.println("      " + seconds.entrySet().stream().map(job -> String.format(Locale.ROOT, "%s %.1f s", job.getKey(), job.getValue()))
                .collect(Collectors.joining(", ")));
        done(start, timings.stream().mapToLong(JobRunner.JobTiming::rows).sum() + " dòng / rows → " + shown);
    }

    private void export(Catalog catalog, ReferenceTables references, Warehouse warehouse, Vintage vintage, String unit, Path rollupCsv, Path report)
            throws IOException {
        long start = begin("Xuất dữ liệu / exports: roll-up CSV, biểu IIA / report → " + rollupCsv.getParent());
        try (DuckDbEngine engine = new DuckDbEngine(THREADS)) {
            ExportViews.register(engine, warehouse, references);
            Path marts = JobRunner.martsDirectory(warehouse);
            DatasetExporter.ExportResult rows = new DatasetExporter(engine, marts)
                    .export(new ExportRequest(RollupJob.NAME, ExportFormat.csv, Optional.of(unit), Optional.empty(), vintage, rollupCsv));
            ConsolidatedReport.ReportResult filled = new ConsolidatedReport(catalog, engine, marts).write(new ReportRequest(unit, Form.IIA, vintage, Optional.empty()), report);
            done(start, rows.rows() + " dòng / rows; " + filled.unitName() + ": " + filled.filledCells() + " ô / cells");
        }
    }

    private long begin(String title) {
        step++;
        out.printf("[%d/%d] %s%n", step, noServe ? 4 : 5, title);
        out.flush();
        return System.nanoTime();
    }

    private void done(long start, String what) {
        out.printf(Locale.ROOT, "      %s (%.1f s)%n", what, (System.nanoTime() - start) / 1e9);
        out.flush();
    }
}
