package vn.pcmd.analytics.job;

import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs jobs on an engine: loads the reference tables and the warehouse views once, then for each vintage runs the
 * jobs in dependency order and writes each mart to {@code marts/<job>/vintage=<v>.parquet}, replacing the file in one
 * step ({@link WarehouseLocation#commitMart}) so that readers see the old mart or the new one, never half of it. The
 * warehouse may be a local folder or, for Spark, any Hadoop-compatible file system. A job's intermediate steps
 * are tables only when read more than once ({@link #keptAsTables}), views otherwise, and are dropped when the job is
 * done; the mart is written straight from its SELECT and later jobs read it back from the file, so memory holds
 * one job's intermediate tables at a time.
 */
public final class JobRunner {
    /** How long one job took on one vintage, and how many rows its mart has. */
    public record JobTiming(String job, Vintage vintage, Duration elapsed, long rows) {}

    private final Engine engine;
    private final WarehouseLocation warehouse;

    public JobRunner(Engine engine, WarehouseLocation warehouse) {
        this.engine = requireNonNull(engine, "engine is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    public JobRunner(Engine engine, Warehouse warehouse) {
        this(engine, new LocalWarehouse(warehouse));
    }

    public static Path martsDirectory(Warehouse warehouse) {
        return warehouse.root().resolve("marts");
    }

    public List<JobTiming> run(List<Table> referenceTables, List<Job> jobs, List<Vintage> vintages, Progress progress) {
        List<Job> ordered = order(jobs);
        referenceTables.forEach(engine::load);
        WarehouseViews.register(engine, warehouse);
        List<JobTiming> timings = new ArrayList<>();
        progress.start("Tác vụ / jobs", (long) ordered.size() * vintages.size());
        try {
            for (Vintage vintage : vintages) {
                for (Job job : ordered) {
                    long start = System.nanoTime();
                    List<Step> steps = job.steps(vintage);
                    List<Step> intermediate = steps.subList(0, steps.size() - 1);
                    Set<String> kept = keptAsTables(steps);
                    for (Step step : intermediate) {
                        if (kept.contains(step.table())) {
                            engine.materialize(step.table(), step.select());
                        }
                        else {
                            engine.view(step.table(), step.select());
                        }
                    }
                    write(job.name(), steps.get(steps.size() - 1).select(), vintage);
                    for (int index = intermediate.size() - 1; index >= 0; index--) {
                        String table = intermediate.get(index).table();
                        engine.drop(table, !kept.contains(table));
                    }
                    long rows = ((Number) engine.query("select count(*) from " + job.name()).rows().get(0).get(0)).longValue();
                    timings.add(new JobTiming(job.name(), vintage, Duration.ofNanos(System.nanoTime() - start), rows));
                    progress.advance(1);
                }
            }
        }
        finally {
            progress.finish();
        }
        return timings;
    }

    /**
     * The intermediate steps computed once and kept as tables: those read more than once, counting the reads of the
     * steps that stay views (a view is computed where it is read). The others stay views, folded into their reader.
     * The last step, the mart, is written straight to Parquet and read back from there by later jobs.
     */
    static Set<String> keptAsTables(List<Step> steps) {
        Map<String, Integer> reads = new HashMap<>();
        Set<String> kept = new HashSet<>();
        for (int index = steps.size() - 1; index >= 0; index--) {
            Step step = steps.get(index);
            boolean isView = index < steps.size() - 1 && reads.getOrDefault(step.table(), 0) <= 1;
            if (index < steps.size() - 1 && !isView) {
                kept.add(step.table());
            }
            int weight = isView ? Math.max(1, reads.getOrDefault(step.table(), 0)) : 1;
            for (Step earlier : steps.subList(0, index)) {
                Matcher matcher = Pattern.compile("\\b" + Pattern.quote(earlier.table()) + "\\b", Pattern.CASE_INSENSITIVE).matcher(step.select());
                int count = 0;
                while (matcher.find()) {
                    count++;
                }
                if (count > 0) {
                    reads.merge(earlier.table(), count * weight, Integer::sum);
                }
            }
        }
        return kept;
    }

    private void write(String mart, String select, Vintage vintage) {
        String staged = warehouse.stageMart(mart, vintage);
        engine.writeQueryParquet(select, staged);
        warehouse.commitMart(mart, vintage);
        engine.parquetView(mart, List.of(warehouse.martFile(mart, vintage)), List.of());
    }

    /** Dependencies first, otherwise in the order given; a job whose dependency is missing is an error. */
    static List<Job> order(List<Job> jobs) {
        Map<String, Job> byName = new LinkedHashMap<>();
        jobs.forEach(job -> byName.put(job.name(), job));
        List<Job> ordered = new ArrayList<>();
        for (Job job : jobs) {
            visit(job, byName, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(Job job, Map<String, Job> byName, List<Job> ordered, List<String> path) {
        if (ordered.contains(job)) {
            return;
        }
        if (path.contains(job.name())) {
            throw new IllegalStateException("Jobs depend on each other in a cycle: " + path);
        }
        path.add(job.name());
        for (String dependency : job.dependsOn()) {
            Job required = byName.get(dependency);
            if (required == null) {
                throw new IllegalArgumentException("Job " + job.name() + " needs job " + dependency + "; run them together (or 'all')");
            }
            visit(required, byName, ordered, path);
        }
        ordered.add(job);
    }
}
