package vn.pcmd.ingest.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.pcmd.core.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The Parquet warehouse on disk.
 *
 * <pre>
 * warehouse/
 *   _lock                       held by the process writing a batch
 *   _staging/&lt;batch&gt;/           a batch being written; left only by a crash, removed by the next writer
 *   batches/&lt;batch&gt;/            committed batches, each visible whole or not at all:
 *     facts/form=&lt;IIA|IA&gt;/year=&lt;yyyy&gt;/part-0.parquet   the facts, partitioned Hive-style
 *     submissions.parquet  issues.parquet  batch.json
 *   marts/                      results of the analytics jobs
 * </pre>
 *
 * A batch is written under {@code _staging}, synced to disk, then moved into {@code batches/} with one atomic
 * rename: readers, which only look under {@code batches/}, see all of a batch or none of it, and a kill at any
 * moment leaves the warehouse as it was or with the whole batch.
 */
public final class Warehouse {
    public static final String BATCHES = "batches";
    public static final String STAGING = "_staging";
    public static final String LOCK = "_lock";
    public static final String BATCH_MANIFEST = "batch.json";
    /** The facts of a batch: a folder partitioned Hive-style by form and year (both also kept as columns in the files). */
    public static final String FACTS_DIRECTORY = "facts";
    /** Every fact file of a batch, as a glob relative to the batch's folder. */
    public static final String FACTS_FILES = FACTS_DIRECTORY + "/form=*/year=*/*.parquet";
    /** Where the facts were before they were partitioned; a batch holding this file cannot be read (see {@link #batches}). */
    static final String EARLIER_FACTS_FILE = "facts.parquet";
    public static final String SUBMISSIONS_FILE = "submissions.parquet";
    public static final String ISSUES_FILE = "issues.parquet";

    // no findAndRegisterModules(): the manifest is plain records of strings and numbers, and discovering modules would
    // load whatever the classpath offers (Spark's Scala module, and the Scala library with it, for every command)
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public Warehouse(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path batchesDirectory() {
        return root.resolve(BATCHES);
    }

    /** Glob of every committed batch's file of a table ({@link #FACTS_FILES} for the facts), for read_parquet. */
    public String glob(String fileName) {
        return batchesDirectory() + "/*/" + fileName;
    }

    /** The file of one partition of a batch's facts: {@code facts/form=FORM/year=YEAR/part-0.parquet}. */
    public static Path factsPartitionFile(Path batchDirectory, String form, int year) {
        return batchDirectory.resolve(FACTS_DIRECTORY).resolve("form=" + form).resolve("year=" + year).resolve("part-0.parquet");
    }

    public boolean exists() {
        return Files.isDirectory(batchesDirectory());
    }

    /** Committed batches, oldest first. */
    public List<BatchManifest> batches() {
        if (!exists()) {
            return List.of();
        }
        List<BatchManifest> manifests = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(batchesDirectory(), Files::isDirectory)) {
            for (Path directory : directories) {
                if (Files.exists(directory.resolve(EARLIER_FACTS_FILE))) {
                    // read as it is, this batch's facts would silently be missing from every total
                    throw new IllegalStateException("Kho dữ liệu " + root + " được ghi theo cấu trúc cũ (" + EARLIER_FACTS_FILE + " trong lô "
                            + directory.getFileName() + "); hãy nạp lại các biểu mẫu vào một kho mới. The warehouse " + root
                            + " was written in the earlier layout (" + EARLIER_FACTS_FILE + " in batch " + directory.getFileName()
                            + "); ingest the forms again into a new warehouse.");
                }
                Path manifest = directory.resolve(BATCH_MANIFEST);
                manifests.add(JSON.readValue(manifest.toFile(), BatchManifest.class));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the batches of warehouse " + root, e);
        }
        manifests.sort(Comparator.comparingInt(BatchManifest::sequence));
        return manifests;
    }

    /** The latest accepted submission of each sender (unit, form, department). */
    public Map<String, BatchManifest.SubmissionEntry> currentSubmissions() {
        Map<String, BatchManifest.SubmissionEntry> current = new HashMap<>();
        for (BatchManifest batch : batches()) {
            for (BatchManifest.SubmissionEntry submission : batch.submissions()) {
                current.put(submission.key(), submission);
            }
        }
        return current;
    }

    /**
     * Takes the writer's lock, creating the warehouse if it does not exist, and removes what a crashed writer
     * left in staging. Only one process writes at a time; readers never need the lock.
     */
    public WriteLock lockForWriting() throws IOException {
        Files.createDirectories(batchesDirectory());
        Path lockFile = root.resolve(LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Another ingest is writing to warehouse " + root + " (lock " + lockFile + " is held); wait for it to finish");
        }
        cleanStaging();
        return new WriteLock(channel, lock);
    }

    private void cleanStaging() throws IOException {
        Path staging = root.resolve(STAGING);
        if (Files.isDirectory(staging)) {
            FileTrees.deleteRecursively(staging);
        }
    }

    /** A new batch directory under staging, to be committed or abandoned. */
    public Path newStagingDirectory(String batchId) throws IOException {
        return Files.createDirectories(root.resolve(STAGING).resolve(batchId));
    }

    /** Makes a staged batch visible: syncs its files, then renames its directory into batches/ in one step. */
    public Path commit(Path stagingDirectory, String batchId) throws IOException {
        // every file, then every folder from the deepest up, so that the rename publishes only what is on disk
        try (Stream<Path> paths = Files.walk(stagingDirectory)) {
            List<Path> all = paths.toList();
            for (Path file : all) {
                if (Files.isRegularFile(file)) {
                    sync(file, false);
                }
            }
            for (Path directory : all.stream().filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                sync(directory, true);
            }
        }
        Path target = batchesDirectory().resolve(batchId);
        try {
            Files.move(stagingDirectory, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The warehouse's file system cannot rename atomically; put the warehouse on a local disk", e);
        }
        sync(batchesDirectory(), true);
        removeStagingIfEmpty();
        return target;
    }

    /** Drops a staged batch that will not be committed (nothing was accepted, or the run failed). */
    public void abandon(Path stagingDirectory) throws IOException {
        FileTrees.deleteRecursively(stagingDirectory);
        removeStagingIfEmpty();
    }

    private void removeStagingIfEmpty() throws IOException {
        Path staging = root.resolve(STAGING);
        if (Files.isDirectory(staging)) {
            try (Stream<Path> entries = Files.list(staging)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(staging);
                }
            }
        }
    }

    public int nextBatchSequence() {
        return batches().stream().mapToInt(BatchManifest::sequence).max().orElse(0) + 1;
    }

    public static void writeManifest(Path directory, BatchManifest manifest) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(BATCH_MANIFEST).toFile(), manifest);
    }

    public Optional<Path> batchDirectory(String batchId) {
        Path directory = batchesDirectory().resolve(batchId);
        return Files.isDirectory(directory) ? Optional.of(directory) : Optional.empty();
    }

    private static void sync(Path path, boolean directory) throws IOException {
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** The writer's lock; closing it lets the next writer in. */
    public static final class WriteLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private WriteLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            }
            finally {
                channel.close();
            }
        }
    }
}
