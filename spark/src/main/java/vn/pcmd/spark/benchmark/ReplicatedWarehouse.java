package vn.pcmd.spark.benchmark;

import vn.pcmd.analytics.benchmark.ScaledWarehouse;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.FileTrees;
import vn.pcmd.ingest.warehouse.BatchManifest;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A warehouse {@code copies} times a real one, for benchmarks at scale (benchmarks/spark.sh): batch 1 is the source's
 * batch as it is; batch k + 1 repeats its facts, submissions and warnings as sent by replica senders, the same units
 * with {@code r<k>} after their code ({@code 26503} sends as {@code 26503r3}), whose figures land where the
 * originals' land ({@link #withReplicas} adds them to ref_unit_map). Every job then reads, lands and aggregates
 * {@code copies} times the facts into the source's units; the marts keep the source's rows, with figures and
 * reporter counts {@code copies} times as large (the quality mart has a timeliness row per submission, so
 * {@code copies} times those). Ingest must never write into it.
 */
public final class ReplicatedWarehouse {
    /** At the root of a replicated warehouse: how many copies it holds. */
    public static final String MARKER = "replicas.txt";

    private ReplicatedWarehouse() {}

    /**
     * Usage: {@code ReplicatedWarehouse SOURCE_WAREHOUSE TARGET_DIR COPIES}; keeps a target that already holds that many
     * copies, made after the source's last batch in the current layout.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ReplicatedWarehouse SOURCE_WAREHOUSE TARGET_DIR COPIES");
            System.exit(2);
        }
        Warehouse source = new Warehouse(Path.of(args[0]));
        Path target = Path.of(args[1]).toAbsolutePath();
        int copies = Integer.parseInt(args[2]);
        if (copies(target).orElse(0) == copies && ScaledWarehouse.isCurrent(source, target, MARKER)) {
            System.out.printf(Locale.ROOT, "%s already holds %d copies%n", target, copies);
            return;
        }
        long start = System.nanoTime();
        long facts = create(source, target, copies);
        System.out.printf(Locale.ROOT, "replicated warehouse: %d copies of %s, %,d facts, written in %.1f s%n", copies, source.root(), facts, (System.nanoTime() - start) / 1e9);
    }

    /** How many copies the warehouse at this folder holds; empty for a warehouse that is not a replica. */
    public static Optional<Integer> copies(Path warehouse) throws IOException {
        Path marker = warehouse.resolve(MARKER);
        return Files.isRegularFile(marker) ? Optional.of(Integer.parseInt(Files.readString(marker).strip())) : Optional.empty();
    }

    static long create(Warehouse source, Path target, int copies) throws IOException {
        List<BatchManifest> batches = source.batches();
        if (batches.size() != 1 || copies < 1) {
            throw new IllegalArgumentException("Replicates a warehouse of one batch (the national benchmark's), 1 copy or more; " + source.root() + " has "
                    + batches.size() + " batches");
        }
        BatchManifest original = batches.get(0);
        Path from = source.batchesDirectory().resolve(original.batchId());
        FileTrees.deleteRecursively(target);
        Path batchesDirectory = Files.createDirectories(target.resolve(Warehouse.BATCHES));
        long facts = 0;
        try (DuckDbEngine duckdb = new DuckDbEngine(2)) {
            for (int copy = 0; copy < copies; copy++) {
                String suffix = "r" + copy;
                String batchId = String.format(Locale.ROOT, "%06d-%s", copy + 1, copy == 0 ? original.batchId().substring(7) : "replica" + copy);
                Path batch = Files.createDirectories(batchesDirectory.resolve(batchId));
                // copy 0 keeps the senders' own codes; the others send as replicas
                String unit = "unit_code || '" + suffix + "' as unit_code";
                String submission = "submission_id || '" + suffix + "' as submission_id";
                ScaledWarehouse.copyFacts(duckdb, copy == 0 ? "*" : "* replace (" + unit + ", " + submission + ")", from.resolve(Warehouse.FACTS_FILES).toString(), batch);
                copy(duckdb, from.resolve(Warehouse.SUBMISSIONS_FILE), batch.resolve(Warehouse.SUBMISSIONS_FILE), copy == 0 ? "*" : "* replace (" + unit + ", " + submission + ")");
                copy(duckdb, from.resolve(Warehouse.ISSUES_FILE), batch.resolve(Warehouse.ISSUES_FILE), copy == 0 ? "*" : "* replace (" + submission + ")");
                Warehouse.writeManifest(batch, new BatchManifest(batchId, copy + 1, original.createdAt(), original.period(), original.factCount(), List.of()));
                facts += original.factCount();
            }
        }
        Files.writeString(target.resolve(MARKER), copies + "\n");
        return facts;
    }

    private static void copy(DuckDbEngine duckdb, Path from, Path to, String columns) {
        duckdb.execute("copy (select " + columns + " from read_parquet('" + from + "')) to '" + to + "' (format parquet, compression zstd)");
    }

    /** The reference tables with the replica senders of a warehouse of {@code copies} copies in ref_unit_map, landing where their originals land. */
    public static List<Table> withReplicas(List<Table> tables, int copies) {
        List<Table> result = new ArrayList<>();
        for (Table table : tables) {
            if (!table.name().equals("ref_unit_map") || copies <= 1) {
                result.add(table);
                continue;
            }
            int reporter = table.columns().stream().map(column -> column.name()).toList().indexOf("reporter_code");
            List<Object[]> rows = new ArrayList<>(table.rows());
            for (int copy = 1; copy < copies; copy++) {
                for (Object[] row : table.rows()) {
                    Object[] replica = row.clone();
                    replica[reporter] = row[reporter] + "r" + copy;
                    rows.add(replica);
                }
            }
            result.add(new Table(table.name(), table.columns(), rows));
        }
        return result;
    }
}
