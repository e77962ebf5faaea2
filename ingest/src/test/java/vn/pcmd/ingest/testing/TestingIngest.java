package vn.pcmd.ingest.testing;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.ingest.UnitRegistry;

/** The repository's catalog and units, loaded once per JVM: every ingest test reads the real data files. */
public final class TestingIngest {
    private static Catalog catalog;
    private static UnitRegistry units;

    private TestingIngest() {}

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
        }
        return catalog;
    }

    public static synchronized UnitRegistry units() {
        if (units == null) {
            units = new UnitRegistry(new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load(), catalog().period());
        }
        return units;
    }
}
