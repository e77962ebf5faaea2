package vn.pcmd.ingest;

import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.ingest.form.CsvFormReader;
import vn.pcmd.ingest.form.FormReader;
import vn.pcmd.ingest.warehouse.BatchManifest;
import vn.pcmd.ingest.warehouse.BatchWriter;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingests files into the warehouse as one atomic batch. Files are read and validated in parallel but taken in
 * input order, so a run is repeatable; accepted facts stream to the staged batch as they come, so memory stays
 * bounded however many forms there are.
 */
public final class Ingestor {
    private final Catalog catalog;
    private final FormReader formReader;
    private final CsvFormReader csvReader;
    private final int threads;
    private final Clock clock;

    public Ingestor(Catalog catalog, UnitRegistry units, XlsxLimits limits, int threads, Clock clock) {
        this.catalog = catalog;
        this.formReader = new FormReader(catalog, units, limits);
        this.csvReader = new CsvFormReader(catalog, units);
        this.threads = Math.max(1, threads);
        this.clock = clock;
    }

    public IngestResult ingest(Warehouse warehouse, List<Path> files, ReadOptions options, Progress progress) throws IOException {
        Instant started = clock.instant();
        List<IngestResult.FileResult> results = new ArrayList<>();
        Optional<Path> committed;
        long facts;
        String batchId;
        progress.start("Nạp biểu mẫu / ingest", files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "pcmd-ingest");
            thread.setDaemon(true);
            return thread;
        });
        try (Warehouse.WriteLock lock = warehouse.lockForWriting(); BatchWriter batch = new BatchWriter(warehouse, catalog.period().code(), started)) {
            batchId = batch.batchId();
            Map<String, BatchManifest.SubmissionEntry> current = warehouse.currentSubmissions();
            Deque<Future<FileOutcome>> window = new ArrayDeque<>();
            int next = 0;
            int ahead = threads * 8;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < ahead) {
                    Path file = files.get(next++);
                    window.add(pool.submit(() -> read(file, options)));
                }
                FileOutcome outcome = await(window.removeFirst());
                results.add(record(outcome, batch, current));
                progress.advance(1);
            }
            committed = batch.commit();
            facts = batch.factCount();
        }
        finally {
            pool.shutdownNow();
            progress.finish();
        }
        return new IngestResult(committed.map(path -> batchId), results, committed.isPresent() ? facts : 0, Duration.between(started, clock.instant()));
    }

    /**
     * Reads and validates the files as {@link #ingest} would, writing nothing: what it would accept or reject and why
     * (the site shows this before an analyst commits an upload).
     */
    public List<FileOutcome> validate(List<Path> files, ReadOptions options) {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            outcomes.add(read(file, options));
        }
        return outcomes;
    }

    private FileOutcome read(Path file, ReadOptions options) {
        String sha256;
        try {
            sha256 = InputFiles.sha256(file);
        }
        catch (IOException e) {
            IssueBuilder issues = new IssueBuilder(file.toString());
            issues.unreadable("io.error", e.getMessage());
            return FileOutcome.rejected(file.toString(), issues.issues());
        }
        return InputFiles.isCsv(file) ? csvReader.read(file, sha256) : formReader.read(file, sha256, options);
    }

    private static IngestResult.FileResult record(FileOutcome outcome, BatchWriter batch, Map<String, BatchManifest.SubmissionEntry> current) {
        if (!outcome.accepted()) {
            return new IngestResult.FileResult(outcome.file(), IngestResult.Status.REJECTED, List.of(), outcome.issues());
        }
        List<IngestResult.SubmissionResult> submissions = new ArrayList<>();
        boolean changed = false;
        for (Submission submission : outcome.submissions()) {
            BatchManifest.SubmissionEntry previous = current.get(submission.key());
            if (previous != null && previous.sha256().equals(submission.sha256())) {
                submissions.add(new IngestResult.SubmissionResult(Optional.empty(), submission.form().name(), submission.unitCode(), submission.agency(),
                        submission.facts().size(), Optional.empty()));
                continue;
            }
            Optional<String> supersedes = Optional.ofNullable(previous).map(BatchManifest.SubmissionEntry::submissionId);
            BatchManifest.SubmissionEntry entry;
            try {
                entry = batch.add(submission, supersedes);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot write the batch for " + outcome.file(), e);
            }
            current.put(submission.key(), entry);
            submissions.add(new IngestResult.SubmissionResult(Optional.of(entry.submissionId()), submission.form().name(), submission.unitCode(), submission.agency(),
                    submission.facts().size(), supersedes));
            changed = true;
        }
        return new IngestResult.FileResult(outcome.file(), changed ? IngestResult.Status.ACCEPTED : IngestResult.Status.UNCHANGED, submissions, outcome.issues());
    }

    private static FileOutcome await(Future<FileOutcome> future) throws IOException {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
