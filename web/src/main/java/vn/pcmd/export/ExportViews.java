package vn.pcmd.export;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.LocalWarehouse;
import vn.pcmd.analytics.job.WarehouseViews;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.ingest.warehouse.Warehouse;

/**
 * What export and report read, set up on an engine without materialising anything, so that an export streams
 * however large the warehouse: the unit tables ({@code ref_units}, {@code ref_ancestors}, {@code ref_unit_map}), the
 * catalog ({@code ref_indicators}), views over the committed batches ({@code facts}, {@code submissions},
 * {@code issues}) and {@code current_facts}, each sender's latest figures for each year (docs/warehouse.md), as a view.
 */
public final class ExportViews {
    private ExportViews() {}

    public static void register(DuckDbEngine engine, Warehouse warehouse, ReferenceTables references) {
        engine.load(references.units());
        engine.load(references.ancestors());
        engine.load(references.unitMap());
        engine.load(references.indicators());
        WarehouseViews.registerBatchTables(engine, new LocalWarehouse(warehouse));
        engine.execute("create or replace view current_facts as " + WarehouseViews.CURRENT_FACTS);
    }
}
