package vn.pcmd.cli;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.job.WarehouseViews;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programme's data and the warehouse opened on embedded DuckDB, as the query, export and report commands use
 * them: reference tables, the warehouse views and the marts already computed.
 */
final class AnalyticsSession implements AutoCloseable {
    private final DataDirectory data;
    private final Catalog catalog;
    private final Warehouse warehouse;
    private final DuckDbEngine engine;
    private final ReferenceTables referenceTables;

    private AnalyticsSession(Path warehouseDirectory) {
        this.data = DataDirectory.locate();
        this.catalog = new CatalogLoader(data).loadLatest();
        this.warehouse = new Warehouse(warehouseDirectory);
        this.referenceTables = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog));
        this.engine = new DuckDbEngine();
    }

    /** Opens a warehouse that must exist; says how to make one when it does not. */
    static AnalyticsSession open(Path warehouseDirectory) {
        existingWarehouse(warehouseDirectory);
        return new AnalyticsSession(warehouseDirectory);
    }

    /** The warehouse at this folder, or a usage error saying to run ingest first. */
    static Warehouse existingWarehouse(Path warehouseDirectory) {
        Warehouse warehouse = new Warehouse(warehouseDirectory);
        if (!Files.isDirectory(warehouse.batchesDirectory())) {
            throw new UserException("Chưa có kho dữ liệu tại " + warehouse.root() + "; hãy chạy ./pcmd ingest trước. "
                    + "No warehouse at " + warehouse.root() + "; run ./pcmd ingest first.", Main.EXIT_USAGE);
        }
        return warehouse;
    }

    /** Reference tables, warehouse views and marts, with the friendly names the query command documents. */
    AnalyticsSession withViews() {
        referenceTables.all().forEach(engine::load);
        WarehouseViews.register(engine, warehouse);
        engine.execute("create or replace view catalog as select * from ref_indicators");
        engine.execute("create or replace view units as select * from ref_units");
        WarehouseViews.registerMarts(engine, JobRunner.martsDirectory(warehouse), Jobs.names());
        return this;
    }

    Catalog catalog() {
        return catalog;
    }

    Warehouse warehouse() {
        return warehouse;
    }

    DuckDbEngine engine() {
        return engine;
    }

    ReferenceTables referenceTables() {
        return referenceTables;
    }

    @Override
    public void close() {
        engine.close();
    }
}
