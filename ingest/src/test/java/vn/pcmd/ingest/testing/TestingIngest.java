package vn.pcmd.ingest.testing;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.Vintage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.pcmd.core.Progress;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.generate.GenerationOptions;
import vn.pcmd.ingest.generate.GenerationScope;
import vn.pcmd.ingest.generate.SyntheticForms;

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

    /** The first {@code count} communes of a province that existed through the whole period, in code order. */
    public static List<String> communesOf(String provinceCode, int count) {
        AdministrativeUnits all = new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load();
        return all.units(Vintage.V2024, UnitLevel.COMMUNE, Optional.of(provinceCode)).stream()
                .map(AdminUnit::code)
                .filter(code -> units().find(code).map(unit -> unit.years().size() == catalog().period().years().size()).orElse(false))
                .limit(count)
                .toList();
    }

    /** A province's forms for 2021–2025, as {@code ./pcmd generate --scope province:CODE --seed 7} writes them. */
    public static void generateProvince(String provinceCode, Path forms) throws IOException {
        new SyntheticForms(catalog(), new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load())
                .generate(GenerationOptions.of(GenerationScope.province(provinceCode), 2021, 2025, 7), forms, Progress.NONE);
    }

    public static synchronized UnitRegistry units() {
        if (units == null) {
            units = new UnitRegistry(new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load(), catalog().period());
        }
        return units;
    }
}
