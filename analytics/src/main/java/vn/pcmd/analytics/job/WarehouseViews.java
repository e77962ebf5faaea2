package vn.pcmd.analytics.job;

import vn.pcmd.analytics.engine.Column;
import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.ingest.warehouse.ParquetTable;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.warehouse.WarehouseTables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The warehouse as the jobs see it: views over the committed batches' Parquet ({@code facts}, {@code submissions},
 * {@code issues}); {@code submission_years}, the years each submission reports, with whether it is its sender's latest
 * for that year; and {@code current_facts}, each sender's latest figures for each year (docs/warehouse.md).
 *
 * <p>{@code current_facts} is a view: the facts without the years their submission no longer speaks for. Each job
 * scans only the columns it reads, and nothing of the size of the facts is held in memory, which at 100 million facts
 * would spill gigabytes to disk; the superseded years are few (a resubmission supersedes its sender's earlier one), so
 * leaving them out costs the scan next to nothing.
 */
public final class WarehouseViews {
    public static final String CURRENT_FACTS = """
            select f.*
            from facts f
            join (select unit_code, form, coalesce(agency, '') as agency_key, year, max(submission_id) as latest
                  from facts
                  group by unit_code, form, coalesce(agency, ''), year) l
              on f.submission_id = l.latest and f.year = l.year""";

    /** The years each submission reports figures for, with its sender (one pass over two columns of the facts). */
    static final String SUBMISSION_YEARS_FOUND = """
            select s.submission_id, s.unit_code, s.unit_level, s.form, s.agency, y.year
            from (select distinct submission_id, year from facts) y
            join submissions s on s.submission_id = y.submission_id""";

    /** One row per submission and year it reports; {@code current} when it is the sender's latest for that year. */
    static final String SUBMISSION_YEARS = """
            select s.submission_id, s.unit_code, s.unit_level, s.form, s.agency, s.year, s.submission_id = l.latest as current
            from submission_years_found s
            join (select unit_code, form, coalesce(agency, '') as agency_key, year, max(submission_id) as latest
                  from submission_years_found
                  group by unit_code, form, coalesce(agency, ''), year) l
              on l.unit_code = s.unit_code and l.form = s.form and l.agency_key = coalesce(s.agency, '') and l.year = s.year""";

    /** {@link #CURRENT_FACTS}, as the facts less the superseded years of their submission. */
    static final String CURRENT_FACTS_VIEW = """
            select f.*
            from facts f
            left join (select submission_id, year from submission_years where not current) x
              on x.submission_id = f.submission_id and x.year = f.year
            where x.submission_id is null""";

    private WarehouseViews() {}

    public static void register(Engine engine, Warehouse warehouse) {
        register(engine, new LocalWarehouse(warehouse));
    }

    public static void register(Engine engine, WarehouseLocation warehouse) {
        registerBatchTables(engine, warehouse);
        engine.materialize("submission_years_found", SUBMISSION_YEARS_FOUND);
        engine.materialize("submission_years", SUBMISSION_YEARS);
        engine.drop("submission_years_found", false);
        engine.view("current_facts", CURRENT_FACTS_VIEW);
    }

    /**
     * Only the views over the committed batches' files ({@code facts}, {@code submissions}, {@code issues}), with
     * nothing computed; an empty warehouse gives empty views with the tables' columns.
     */
    public static void registerBatchTables(Engine engine, WarehouseLocation warehouse) {
        view(engine, "facts", warehouse, Warehouse.FACTS_FILES, WarehouseTables.FACTS);
        view(engine, "submissions", warehouse, Warehouse.SUBMISSIONS_FILE, WarehouseTables.SUBMISSIONS);
        view(engine, "issues", warehouse, Warehouse.ISSUES_FILE, WarehouseTables.ISSUES);
    }

    private static void view(Engine engine, String name, WarehouseLocation warehouse, String file, ParquetTable table) {
        engine.parquetView(name, warehouse.batchFiles(file).map(List::of).orElse(List.of()), columns(table));
    }

    /** The marts already computed, as views, for query and the site. */
    public static void registerMarts(Engine engine, Path marts, List<String> names) {
        for (String name : names) {
            Path directory = marts.resolve(name);
            if (Files.isDirectory(directory)) {
                engine.parquetView(name, List.of(directory + "/*.parquet"), List.of());
            }
        }
    }

    public static List<Column> columns(ParquetTable table) {
        return table.columns().stream().map(column -> new Column(column.name(), switch (column.type()) {
            case STRING -> Column.Type.VARCHAR;
            case INT -> Column.Type.INTEGER;
            case DOUBLE -> Column.Type.DOUBLE;
            case DATE, TIMESTAMP -> Column.Type.DATE;
        })).toList();
    }
}
