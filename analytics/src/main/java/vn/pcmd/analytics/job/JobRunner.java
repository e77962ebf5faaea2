package vn.pcmd.analytics.job;

import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs jobs on an engine: loads the reference tables and the warehouse views once, then for each vintage runs the
 * jobs in dependency order and writes each mart to {@code marts/<job>/vintage=<v>.parquet}, replacing the file with
 * one atomic rename so that readers see the old mart or the new one, never half of it.
 */
public final class JobRunner {
    /** How long one job took on one vintage, and how many rows its mart has. */
    public record JobTiming(String job, Vintage vintage, Duration elapsed, long rows) {}

    private final Engine engine;
    private final Warehouse warehouse;

    public JobRunner(Engine engine, Warehouse warehouse) {
        this.engine = engine;
        this.warehouse = warehouse;
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
                    for (Step step : steps) {
                        engine.materialize(step.table(), step.select());
                    }
                    String mart = steps.get(steps.size() - 1).table();
                    if (!mart.equals(job.name())) {
                        engine.materialize(job.name(), "select * from " + mart);
                    }
                    write(job.name(), vintage);
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

    private void write(String mart, Vintage vintage) {
        Path directory = martsDirectory(warehouse).resolve(mart);
        Path target = directory.resolve("vintage=" + vintage.code() + ".parquet");
        Path temporary = directory.resolve("vintage=" + vintage.code() + ".parquet.tmp");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(temporary);
            engine.writeParquet(mart, temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write mart " + target, e);
        }
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
