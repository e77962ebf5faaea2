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
 * {@code issues}) and {@code current_facts}, each sender's latest figures for each year (docs/warehouse.md).
 */
public final class WarehouseViews {
    public static final String CURRENT_FACTS = """
            select f.*
            from facts f
            join (select unit_code, form, coalesce(agency, '') as agency_key, year, max(submission_id) as latest
                  from facts
                  group by unit_code, form, coalesce(agency, ''), year) l
              on f.submission_id = l.latest and f.year = l.year""";

    private WarehouseViews() {}

    public static void register(Engine engine, Warehouse warehouse) {
        register(engine, new LocalWarehouse(warehouse));
    }

    public static void register(Engine engine, WarehouseLocation warehouse) {
        view(engine, "facts", warehouse, Warehouse.FACTS_FILE, WarehouseTables.FACTS);
        view(engine, "submissions", warehouse, Warehouse.SUBMISSIONS_FILE, WarehouseTables.SUBMISSIONS);
        view(engine, "issues", warehouse, Warehouse.ISSUES_FILE, WarehouseTables.ISSUES);
        engine.materialize("current_facts", CURRENT_FACTS);
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
