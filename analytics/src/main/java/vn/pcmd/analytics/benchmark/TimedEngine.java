package vn.pcmd.analytics.benchmark;

import vn.pcmd.analytics.engine.Column;
import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.analytics.engine.QueryResult;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.core.ProcessCpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * An engine that times every statement of another (wall and process CPU), so that a benchmark shows where a run's
 * time goes statement by statement, not only job by job. Views cost little where they are declared: with a lazy
 * engine (Spark) their work lands in the statement that reads them.
 */
public final class TimedEngine implements Engine {
    /** One statement: what it was ({@code materialize quality_values}), its wall and CPU seconds. */
    public record StatementTiming(String statement, double seconds, double cpuSeconds) {
        public StatementTiming {
            requireNonNull(statement, "statement is null");
        }

        public String line() {
            return String.format(Locale.ROOT, "%8.2f %8.2f  %s", seconds, cpuSeconds, statement);
        }
    }

    private final Engine engine;
    private final List<StatementTiming> timings = new ArrayList<>();

    public TimedEngine(Engine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    public List<StatementTiming> timings() {
        return List.copyOf(timings);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public void load(Table table) {
        timed("load " + table.name(), () -> engine.load(table));
    }

    @Override
    public void parquetView(String name, List<String> paths, List<Column> emptySchema) {
        timed("parquetView " + name, () -> engine.parquetView(name, paths, emptySchema));
    }

    @Override
    public void materialize(String name, String select) {
        timed("materialize " + name, () -> engine.materialize(name, select));
    }

    @Override
    public void view(String name, String select) {
        timed("view " + name, () -> engine.view(name, select));
    }

    @Override
    public void drop(String name, boolean view) {
        engine.drop(name, view);
    }

    @Override
    public void writeQueryParquet(String select, String location) {
        timed("writeQueryParquet " + location.substring(location.lastIndexOf('/', location.lastIndexOf('/') - 1) + 1),
                () -> engine.writeQueryParquet(select, location));
    }

    @Override
    public QueryResult query(String select) {
        return timed("query " + select.replaceAll("\\s+", " ").strip(), () -> engine.query(select));
    }

    @Override
    public void close() {
        engine.close();
    }

    private void timed(String statement, Runnable action) {
        timed(statement, () -> {
            action.run();
            return null;
        });
    }

    private <T> T timed(String statement, Supplier<T> action) {
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        try {
            return action.get();
        }
        finally {
            timings.add(new StatementTiming(statement, (System.nanoTime() - start) / 1e9, (ProcessCpu.nanos() - cpuStart) / 1e9));
        }
    }
}
