package vn.pcmd.ingest.warehouse;

import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.Submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Streams the submissions accepted in one run into a staged batch, so a national run never holds the country in
 * memory, and commits them together at the end. Not thread-safe: one writer per run, fed in input order.
 */
public final class BatchWriter implements AutoCloseable {
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final int FACT_BATCH = WarehouseTables.FACTS.columnIndex("batch_id");
    private static final int FACT_SUBMISSION = WarehouseTables.FACTS.columnIndex("submission_id");
    private static final int FACT_UNIT = WarehouseTables.FACTS.columnIndex("unit_code");
    private static final int FACT_UNIT_LEVEL = WarehouseTables.FACTS.columnIndex("unit_level");
    private static final int FACT_PROVINCE = WarehouseTables.FACTS.columnIndex("province_code");
    private static final int FACT_FORM = WarehouseTables.FACTS.columnIndex("form");
    private static final int FACT_AGENCY = WarehouseTables.FACTS.columnIndex("agency");
    private static final int FACT_INDICATOR = WarehouseTables.FACTS.columnIndex("indicator_code");
    private static final int FACT_YEAR = WarehouseTables.FACTS.columnIndex("year");
    private static final int FACT_VALUE = WarehouseTables.FACTS.columnIndex("value");
    private static final int FACT_PERIOD = WarehouseTables.FACTS.columnIndex("period");
    private static final int FACT_SOURCE_FILE = WarehouseTables.FACTS.columnIndex("source_file");
    private static final int FACT_SHEET = WarehouseTables.FACTS.columnIndex("sheet");
    private static final int FACT_CELL = WarehouseTables.FACTS.columnIndex("cell");

    private final Warehouse warehouse;
    private final String period;
    private final Instant receivedAt;
    private final int sequence;
    private final String batchId;
    private Path staging;
    /** The writers of the facts' partitions, by form and then year, opened as their first fact comes. */
    private final Map<String, YearPartitions> factWriters = new HashMap<>();
    private long factCount;
    private ParquetTable.Writer submissions;
    private ParquetTable.Writer issues;
    private final List<BatchManifest.SubmissionEntry> entries = new ArrayList<>();
    private boolean finished;

    /** Must be created under the warehouse's write lock, which fixes the batch's sequence number. */
    public BatchWriter(Warehouse warehouse, String period, Instant receivedAt) {
        this.warehouse = warehouse;
        this.period = period;
        this.receivedAt = receivedAt;
        this.sequence = warehouse.nextBatchSequence();
        this.batchId = String.format("%06d-%s", sequence, BATCH_TIME.format(receivedAt));
    }

    public String batchId() {
        return batchId;
    }

    /**
     * Adds an accepted submission; {@code supersedes} is the sender's current submission, if any. Returns its entry in
     * the batch's manifest, which names the submission's id.
     */
    public BatchManifest.SubmissionEntry add(Submission submission, Optional<String> supersedes) throws IOException {
        if (staging == null) {
            staging = warehouse.newStagingDirectory(batchId);
            submissions = WarehouseTables.SUBMISSIONS.open(staging.resolve(Warehouse.SUBMISSIONS_FILE));
            issues = WarehouseTables.ISSUES.open(staging.resolve(Warehouse.ISSUES_FILE));
        }
        int submissionSequence = entries.size() + 1;
        String submissionId = batchId + "-" + zeroPadded(submissionSequence, 5);
        String agency = submission.agency().orElse(null);
        String form = submission.form().name();
        String unitLevel = submission.unitLevel().code();
        YearPartitions writersOfForm = factWriters.computeIfAbsent(form, name -> new YearPartitions());
        // one row for all the submission's facts: its own values are the same objects in each, which the writer finds
        // by reference, and only the indicator, year, figure, sheet and cell change from fact to fact
        ParquetTable.Row row = WarehouseTables.FACTS.newRow()
                .set(FACT_BATCH, batchId)
                .set(FACT_SUBMISSION, submissionId)
                .set(FACT_UNIT, submission.unitCode())
                .set(FACT_UNIT_LEVEL, unitLevel)
                .set(FACT_PROVINCE, submission.provinceCode())
                .set(FACT_FORM, form)
                .set(FACT_AGENCY, agency)
                .set(FACT_PERIOD, submission.period())
                .set(FACT_SOURCE_FILE, submission.sourceFile());
        for (Fact fact : submission.facts()) {
            int year = fact.year();
            ParquetTable.Writer facts = writersOfForm.get(year);
            if (facts == null) {
                facts = openFactsPartition(form, year);
                writersOfForm.put(year, facts);
            }
            factCount++;
            row.set(FACT_INDICATOR, fact.indicatorCode())
                    .setInt(FACT_YEAR, year)
                    .setDouble(FACT_VALUE, fact.value())
                    .set(FACT_SHEET, fact.sheet())
                    .set(FACT_CELL, fact.cell());
            facts.write(row);
        }
        List<Integer> years = List.copyOf(submission.yearsReported());
        submissions.write(submissionId, batchId, sequence, submissionSequence, submission.unitCode(), submission.unitName(), unitLevel,
                submission.provinceCode(), form, agency, submission.period(),
                years.stream().map(String::valueOf).collect(Collectors.joining(",")), years.get(0), years.get(years.size() - 1),
                submission.facts().size(), submission.warnings().size(), submission.sourceFile(), submission.sha256(), submission.sheet(),
                submission.submittedOn().orElse(null), receivedAt, supersedes.orElse(null));
        for (Issue issue : submission.warnings()) {
            issues.write(batchId, submissionId, issue.code().name(), issue.code().severity().name(), issue.file(), issue.sheet().orElse(null),
                    issue.cell().orElse(null), issue.indicatorCode().orElse(null), issue.year().orElse(null), issue.messageVi(), issue.messageEn());
        }
        BatchManifest.SubmissionEntry entry = new BatchManifest.SubmissionEntry(submissionId, submission.key(), submission.sourceFile(), submission.sha256(),
                submission.facts().size(), years);
        entries.add(entry);
        return entry;
    }

    /**
     * The writers of one form's partitions, by year: a handful, looked up for every fact, so by a scan of an int
     * array rather than by a boxed year in a map.
     */
    private static final class YearPartitions {
        private int[] years = new int[8];
        private ParquetTable.Writer[] writers = new ParquetTable.Writer[8];
        private int size;

        ParquetTable.Writer get(int year) {
            for (int index = 0; index < size; index++) {
                if (years[index] == year) {
                    return writers[index];
                }
            }
            return null;
        }

        void put(int year, ParquetTable.Writer writer) {
            if (size == years.length) {
                years = Arrays.copyOf(years, size * 2);
                writers = Arrays.copyOf(writers, size * 2);
            }
            years[size] = year;
            writers[size] = writer;
            size++;
        }

        List<ParquetTable.Writer> writers() {
            return List.of(Arrays.copyOf(writers, size));
        }
    }

    /** {@code %05d} without a Formatter, which showed in the profile of a national run: one per submission. */
    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private ParquetTable.Writer openFactsPartition(String form, int year) throws IOException {
        Path file = Warehouse.factsPartitionFile(staging, form, year);
        Files.createDirectories(file.getParent());
        return WarehouseTables.FACTS.open(file);
    }

    public int submissionCount() {
        return entries.size();
    }

    public long factCount() {
        return factCount;
    }

    /** Commits the batch; returns its directory, or empty if nothing was added (the warehouse is left untouched). */
    public Optional<Path> commit() throws IOException {
        finished = true;
        if (staging == null) {
            return Optional.empty();
        }
        closeWriters();
        Warehouse.writeManifest(staging, new BatchManifest(batchId, sequence, receivedAt.toString(), period, factCount, entries));
        return Optional.of(warehouse.commit(staging, batchId));
    }

    private void closeWriters() throws IOException {
        IOException failure = null;
        List<ParquetTable.Writer> writers = new ArrayList<>();
        factWriters.values().forEach(byYear -> writers.addAll(byYear.writers()));
        writers.add(submissions);
        writers.add(issues);
        // every writer is closed even when one fails, and the first failure is the one reported
        for (ParquetTable.Writer writer : writers) {
            try {
                if (writer != null) {
                    writer.close();
                }
            }
            catch (IOException | RuntimeException e) {
                if (failure == null) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        factWriters.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Abandons an uncommitted batch (an error mid-run): staging is removed and the warehouse stays as it was. */
    @Override
    public void close() throws IOException {
        if (finished || staging == null) {
            return;
        }
        finished = true;
        try {
            closeWriters();
        }
        finally {
            warehouse.abandon(staging);
        }
    }
}
