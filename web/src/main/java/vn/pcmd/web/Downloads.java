package vn.pcmd.web;

import io.javalin.http.Context;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.export.ConsolidatedReport;
import vn.pcmd.export.DatasetExporter;
import vn.pcmd.export.ExportException;
import vn.pcmd.export.ExportFormat;
import vn.pcmd.export.ExportRequest;
import vn.pcmd.export.ExportViews;
import vn.pcmd.export.ReportRequest;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Downloads: the summary datasets (the export command's, with the same rules: CSV with a BOM and injection
 * neutralised, XLSX, Parquet, no row cap) and the filled official form, for one unit and what lies below it. Each is
 * written to a temporary file by the same code the command line uses, streamed to the browser and deleted. One at a
 * time: an export of the whole country is work for DuckDB, not something to run twenty of at once.
 */
final class Downloads implements AutoCloseable {
    private final Catalog catalog;
    private final Path martsDirectory;
    private final DuckDbEngine engine;
    private final Semaphore oneAtATime = new Semaphore(1, true);
    private final Path temporaryDirectory;

    Downloads(Warehouse warehouse, ReferenceTables references, Catalog catalog) throws IOException {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.martsDirectory = JobRunner.martsDirectory(warehouse);
        this.engine = new DuckDbEngine(2);
        ExportViews.register(engine, warehouse, references);
        this.temporaryDirectory = Files.createTempDirectory("pcmd-downloads");
    }

    void dataset(Context ctx, String dataset, ExportFormat format, String unitCode, Vintage vintage, Optional<String> indicatorCode) throws IOException {
        Path file = temporaryDirectory.resolve(dataset + "_" + unitCode + "_" + vintage.code() + "_" + System.nanoTime() + "." + format.name());
        run(() -> new DatasetExporter(engine, martsDirectory).export(new ExportRequest(dataset, format, Optional.of(unitCode), Optional.empty(), indicatorCode, vintage, file)));
        send(ctx, file, contentType(format), dataset + "_" + unitCode + "_" + vintage.code() + indicatorCode.map(code -> "_" + code).orElse("") + "." + format.name());
    }

    void report(Context ctx, String unitCode, Form form, Vintage vintage) throws IOException {
        Path file = temporaryDirectory.resolve(form.name() + "_" + unitCode + "_" + vintage.code() + "_" + System.nanoTime() + ".xlsx");
        run(() -> new ConsolidatedReport(catalog, engine, martsDirectory).write(new ReportRequest(unitCode, form, vintage, Optional.empty()), file));
        send(ctx, file, contentType(ExportFormat.xlsx), form.name() + "_" + unitCode + "_" + vintage.code() + ".xlsx");
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private void run(Work work) throws IOException {
        try {
            if (!oneAtATime.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new SiteException(503, "Máy chủ đang bận xuất dữ liệu khác; hãy thử lại sau ít phút.");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteException(503, "Máy chủ đang dừng.");
        }
        try {
            work.run();
        }
        catch (ExportException e) {
            if (e.code() == ExportException.Code.MART_NOT_COMPUTED) {
                throw new SiteException(404, "Chưa có kết quả phân tích này: hãy chạy ./pcmd jobs trên kho dữ liệu.");
            }
            throw SiteException.badRequest(e.getMessage());
        }
        finally {
            oneAtATime.release();
        }
    }

    /** Streams the file and deletes it once the response is written (or abandoned). */
    private static void send(Context ctx, Path file, String contentType, String downloadName) throws IOException {
        InputStream stream = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                }
                finally {
                    Files.deleteIfExists(file);
                }
            }
        };
        ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(contentType).result(stream);
    }

    private static String contentType(ExportFormat format) {
        return switch (format) {
            case csv -> "text/csv; charset=utf-8";
            case xlsx -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case parquet -> "application/vnd.apache.parquet";
        };
    }

    @Override
    public void close() throws IOException {
        engine.close();
        try (var files = Files.list(temporaryDirectory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(temporaryDirectory);
    }
}
