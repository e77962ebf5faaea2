package vn.pcmd.web;

import io.javalin.http.UploadedFile;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.FileTrees;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.Submission;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.web.auth.Account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * An analyst's upload: the forms are saved under the warehouse ({@code _site/uploads/ID/}, so that the facts'
 * lineage points at a file that stays), validated by the ingest code unchanged, and shown cell by cell; the accepted
 * ones are committed as one batch only when the analyst says so. A form about a unit outside the analyst's own is
 * refused whole. After a commit the jobs run again in the background so that pages and charts show the new figures.
 */
final class Uploads implements AutoCloseable {
    static final int MAX_FILES = 200;
    static final long MAX_FILE_BYTES = 20L << 20;
    /** How long a checked upload waits for its analyst's commit before its files are deleted. */
    static final Duration PENDING_LIFETIME = Duration.ofHours(24);

    private final Warehouse warehouse;
    private final Ingestor ingestor;
    private final ReferenceTables references;
    private final SiteData data;
    private final ChartService charts;
    private final Path uploadsDirectory;
    private final Map<String, PendingUpload> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pcmd-site-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> jobsStatus = new AtomicReference<>("");

    /** A validated upload waiting for its analyst's commit. */
    record PendingUpload(String id, String accountName, Path directory, List<FileOutcome> outcomes, Map<String, String> refusals, ReadOptions options, Instant created) {
        List<Path> acceptable() {
            return outcomes.stream().filter(outcome -> outcome.accepted() && !refusals.containsKey(outcome.file())).map(outcome -> Path.of(outcome.file())).toList();
        }
    }

    Uploads(Warehouse warehouse, Ingestor ingestor, ReferenceTables references, SiteData data, ChartService charts) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.ingestor = requireNonNull(ingestor, "ingestor is null");
        this.references = requireNonNull(references, "references is null");
        this.data = requireNonNull(data, "data is null");
        this.charts = requireNonNull(charts, "charts is null");
        this.uploadsDirectory = warehouse.root().resolve("_site").resolve("uploads");
    }

    /** What the jobs after the last commit are doing, for the upload page; empty when idle. */
    String jobsStatus() {
        return jobsStatus.get();
    }

    PendingUpload receive(Account account, List<UploadedFile> files, ReadOptions options) throws IOException {
        forgetExpired(Instant.now());
        if (files.isEmpty()) {
            throw SiteException.badRequest("Hãy chọn ít nhất một tệp biểu mẫu (.xlsx hoặc .csv).");
        }
        if (files.size() > MAX_FILES) {
            throw SiteException.badRequest("Mỗi lần nộp tối đa " + MAX_FILES + " tệp.");
        }
        byte[] idBytes = new byte[12];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        Path directory = Files.createDirectories(uploadsDirectory.resolve(id));
        List<Path> saved = new ArrayList<>();
        List<FileOutcome> outcomes;
        try {
            for (UploadedFile file : files) {
                if (file.size() > MAX_FILE_BYTES) {
                    throw SiteException.badRequest("Tệp quá lớn (tối đa " + (MAX_FILE_BYTES >> 20) + " MB mỗi tệp).");
                }
                String name = safeFileName(file.filename(), saved.size());
                Path target = directory.resolve(name);
                try (InputStream content = file.content()) {
                    Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(target);
            }
            outcomes = ingestor.validate(saved, options);
        }
        catch (IOException | RuntimeException e) {
            // an upload refused or failed half-way keeps no file
            deleteUploadFolder(directory);
            throw e;
        }
        Map<String, String> refusals = new ConcurrentHashMap<>();
        java.util.Set<String> allowedReporters = allowedReporters(account);
        for (FileOutcome outcome : outcomes) {
            for (Submission submission : outcome.submissions()) {
                if (!allowedReporters.contains(submission.unitCode())) {
                    refusals.put(outcome.file(), "Biểu của " + submission.unitName() + " (mã " + submission.unitCode() + ") nằm ngoài phạm vi tài khoản của bạn.");
                }
            }
        }
        PendingUpload upload = new PendingUpload(id, account.name(), directory, outcomes, Map.copyOf(refusals), options, Instant.now());
        pending.put(id, upload);
        return upload;
    }

    Optional<PendingUpload> pending(String id, Account account) {
        return Optional.ofNullable(pending.get(id)).filter(upload -> upload.accountName().equals(account.name()));
    }

    IngestResult commit(PendingUpload upload) throws IOException {
        if (!pending.remove(upload.id(), upload)) {
            // committed or expired since the analyst's page asked for it
            throw SiteException.notFound("Không có lần nộp này, hoặc đã được ghi.");
        }
        IngestResult result = ingestor.ingest(warehouse, upload.acceptable(), upload.options(), Progress.NONE);
        keepOnlyWrittenFiles(upload, result);
        if (result.batchId().isPresent()) {
            charts.invalidate();
            refreshMarts();
        }
        return result;
    }

    /**
     * The facts' lineage names the files written in the batch, which stay; the upload's other files (rejected, refused,
     * or identical to what was already sent) are deleted, and the upload's folder with them when nothing was written.
     */
    private static void keepOnlyWrittenFiles(PendingUpload upload, IngestResult result) throws IOException {
        Set<Path> written = result.files().stream()
                .filter(file -> file.status() == IngestResult.Status.ACCEPTED)
                .map(file -> Path.of(file.file()).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(upload.directory())) {
            for (Path file : files.toList()) {
                if (!written.contains(file.toAbsolutePath().normalize())) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (written.isEmpty()) {
            Files.deleteIfExists(upload.directory());
        }
    }

    /** Uploads not committed within {@link #PENDING_LIFETIME}: forgotten, their files deleted. */
    void forgetExpired(Instant now) {
        forget(upload -> upload.created().plus(PENDING_LIFETIME).isBefore(now));
    }

    /** Forgets the waiting uploads that match, deleting their files; one a commit took meanwhile is left to it. */
    private void forget(Predicate<PendingUpload> which) {
        for (PendingUpload upload : List.copyOf(pending.values())) {
            if (which.test(upload) && pending.remove(upload.id(), upload)) {
                deleteUploadFolder(upload.directory());
            }
        }
    }

    /** The number of uploads waiting for a commit. */
    int pendingCount() {
        return pending.size();
    }

    private static void deleteUploadFolder(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        }
        catch (IOException e) {
            // a folder left behind holds only files never committed; the next start of the site does not read it
        }
    }

    /** Runs every job again on the warehouse, one run at a time; the marts are replaced by atomic renames. */
    private void refreshMarts() {
        jobsStatus.set("Đang cập nhật kết quả phân tích sau khi ghi số liệu mới…");
        jobs.submit(() -> {
            try (DuckDbEngine engine = new DuckDbEngine(2)) {
                new JobRunner(engine, warehouse).run(references.all(), Jobs.withDependencies(Jobs.names()), List.of(Vintage.values()), Progress.NONE);
                jobsStatus.set("");
            }
            catch (RuntimeException e) {
                jobsStatus.set("Cập nhật kết quả phân tích không thành công; hãy chạy ./pcmd jobs trên máy chủ.");
            }
            charts.invalidate();
        });
    }

    /** The reporting codes (of any year) whose figures land at or below the account's unit under its boundaries. */
    private java.util.Set<String> allowedReporters(Account account) {
        return data.reportersLandingUnder(account.unitCode(), account.unitVintage());
    }

    static String describe(Issue issue) {
        return issue.sheet().map(sheet -> "trang \"" + sheet + "\"").orElse("") + issue.cell().map(cell -> ", ô " + cell).orElse("");
    }

    /** The name as the analyst's computer had it, reduced to letters, digits and a few marks: never a path. */
    static String safeFileName(String original, int index) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !(lower.endsWith(".xlsx") || lower.endsWith(".csv"))) {
            name = name + ".xlsx";
        }
        return String.format(Locale.ROOT, "%03d_%s", index + 1, name);
    }

    @Override
    public void close() {
        // uploads waiting for a commit live in this process only: their files can never be committed after it stops
        forget(upload -> true);
        // a run of the jobs in progress finishes: its marts are replaced by atomic renames, never left half-written
        jobs.shutdown();
        try {
            jobs.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
