package vn.pcmd.analytics.benchmark;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.FileTrees;
import vn.pcmd.ingest.warehouse.BatchManifest;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse {@code copies} times the size of a real one, for the jobs benchmark at scale. Copy 0 is the source's
 * figures, submissions and warnings as they are; copy k &gt; 0 repeats them as sent by synthetic senders: the same
 * units with a suffix on their codes ({@code 26503} sends as {@code 26503r7}), whose figures land where the
 * originals' land ({@link #referenceTables} adds them to ref_unit_map), the way the old communes merged into one new
 * commune land on it. So every job reads and aggregates {@code copies} times the facts, with {@code copies}
 * reporters behind each unit, and the marts keep the source's units and rows (the quality mart has a timeliness row
 * per submission, so {@code copies} times those); values and reporter counts are {@code copies} times the source's.
 *
 * <p>Only for benchmarks: the batch manifests list no submissions, so ingest must never write into it. It is made
 * with DuckDB, one batch per copy, and marked by {@value #MARKER} at its root.
 */
public final class ScaledWarehouse {
    /** The file at the root of a scaled warehouse that says how many copies it holds. */
    public static final String MARKER = "synthetic-copies.txt";

    private ScaledWarehouse() {}

    /** Usage: {@code ScaledWarehouse SOURCE_WAREHOUSE TARGET_DIR COPIES}; does nothing if the target already holds that many copies. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ScaledWarehouse SOURCE_WAREHOUSE TARGET_DIR COPIES");
            System.exit(2);
        }
        Warehouse source = new Warehouse(Path.of(args[0]));
        Warehouse target = new Warehouse(Path.of(args[1]));
        int copies = Integer.parseInt(args[2]);
        if (copies(target).orElse(0) == copies && isCurrent(source, target.root(), MARKER)) {
            System.out.printf(Locale.ROOT, "%s already holds %d copies%n", target.root(), copies);
            return;
        }
        long start = System.nanoTime();
        long facts = create(source, target, copies);
        System.out.printf(Locale.ROOT, "scaled warehouse: %d copies of %s, %d facts, written in %.1f s%n", copies, source.root(), facts, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Whether a warehouse made from {@code source} for the benchmarks (its {@code marker} file written last) was made
     * after the source's last batch and is in the warehouse's current layout; else it is made again.
     */
    public static boolean isCurrent(Warehouse source, Path target, String marker) {
        try {
            new Warehouse(target).batches();
            return Files.getLastModifiedTime(target.resolve(marker)).compareTo(Files.getLastModifiedTime(source.batchesDirectory())) > 0;
        }
        catch (IllegalStateException | IOException e) {
            return false;
        }
    }

    /**
     * Writes the facts of {@code sourceFiles} (a glob of fact files), selected as {@code columns}, into a batch's facts
     * folder, partitioned by form and year as ingest writes them.
     */
    public static void copyFacts(DuckDbEngine engine, String columns, String sourceFiles, Path batchDirectory) {
        engine.execute("copy (select " + columns + " from read_parquet('" + sourceFiles + "', union_by_name = true, hive_partitioning = false)) to '"
                + batchDirectory.resolve(Warehouse.FACTS_DIRECTORY) + "' (format parquet, compression zstd, partition_by (form, year), write_partition_columns true)");
    }

    /** The number of copies a scaled warehouse holds; empty for any other warehouse. */
    public static Optional<Integer> copies(Warehouse warehouse) {
        Path marker = warehouse.root().resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(Files.readString(marker).trim()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + marker, e);
        }
    }

    /** Writes the copies into {@code target} (emptied first); returns the number of facts written. */
    public static long create(Warehouse source, Warehouse target, int copies) {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
        if (source.batches().isEmpty()) {
            throw new IllegalArgumentException("No batches in " + source.root() + " to copy; run benchmarks/ingest.sh first");
        }
        if (Files.exists(target.root()) && copies(target).isEmpty() && !isEmptyDirectory(target.root())) {
            throw new IllegalArgumentException("Refusing to replace " + target.root() + ": it is not a scaled warehouse (no " + MARKER + "); give an empty or new directory");
        }
        try {
            FileTrees.deleteRecursively(target.root());
            Files.createDirectories(target.batchesDirectory());
            String period = source.batches().get(0).period();
            long facts = 0;
            try (DuckDbEngine engine = new DuckDbEngine()) {
                for (int copy = 0; copy < copies; copy++) {
                    String batch = String.format(Locale.ROOT, "%06d-copy%03d", copy + 1, copy);
                    Path directory = target.batchesDirectory().resolve(batch);
                    Files.createDirectories(directory);
                    // submission ids keep their order within a copy (one prefix for all), so the latest stays the latest
                    String prefix = "'" + batch + "-' || ";
                    String unit = copy == 0 ? "unit_code" : "unit_code || 'r" + copy + "'";
                    copyFacts(engine, "* replace ('" + batch + "' as batch_id, " + prefix + "submission_id as submission_id, " + unit + " as unit_code)",
                            source.glob(Warehouse.FACTS_FILES), directory);
                    engine.execute("copy (select * replace ('" + batch + "' as batch_id, " + prefix + "submission_id as submission_id, " + unit + " as unit_code, "
                            + "case when supersedes_submission_id is not null then " + prefix + "supersedes_submission_id end as supersedes_submission_id) from read_parquet('"
                            + source.glob(Warehouse.SUBMISSIONS_FILE) + "', union_by_name = true)) to '" + directory.resolve(Warehouse.SUBMISSIONS_FILE)
                            + "' (format parquet, compression zstd)");
                    engine.execute("copy (select * replace ('" + batch + "' as batch_id, " + prefix + "submission_id as submission_id) from read_parquet('"
                            + source.glob(Warehouse.ISSUES_FILE) + "', union_by_name = true)) to '" + directory.resolve(Warehouse.ISSUES_FILE) + "' (format parquet, compression zstd)");
                    long written = ((Number) engine.query("select count(*) from read_parquet('" + directory.resolve(Warehouse.FACTS_FILES) + "', hive_partitioning = false)").rows().get(0).get(0)).longValue();
                    facts += written;
                    Warehouse.writeManifest(directory, new BatchManifest(batch, copy + 1, Instant.now().toString(), period, written, List.of()));
                }
            }
            Files.writeString(target.root().resolve(MARKER), copies + "\n");
            return facts;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the scaled warehouse " + target.root(), e);
        }
    }

    /** The reference tables with the synthetic senders of each copy landing where the originals land. */
    public static List<Table> referenceTables(List<Table> references, int copies) {
        List<Table> scaled = new ArrayList<>();
        for (Table table : references) {
            if (!table.name().equals("ref_unit_map") || copies == 1) {
                scaled.add(table);
                continue;
            }
            int reporter = indexOf(table, "reporter_code");
            List<Object[]> rows = new ArrayList<>(table.rows().size() * copies);
            rows.addAll(table.rows());
            for (int copy = 1; copy < copies; copy++) {
                for (Object[] row : table.rows()) {
                    Object[] synthetic = row.clone();
                    synthetic[reporter] = row[reporter] + "r" + copy;
                    rows.add(synthetic);
                }
            }
            scaled.add(new Table(table.name(), table.columns(), rows));
        }
        return scaled;
    }

    private static int indexOf(Table table, String column) {
        for (int index = 0; index < table.columns().size(); index++) {
            if (table.columns().get(index).name().equals(column)) {
                return index;
            }
        }
        throw new IllegalArgumentException("No column " + column + " in " + table.name());
    }

    private static boolean isEmptyDirectory(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
        catch (IOException e) {
            return false;
        }
    }
}
