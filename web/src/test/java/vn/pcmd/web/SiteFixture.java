package vn.pcmd.web;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.FileTrees;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.generate.GenerationOptions;
import vn.pcmd.ingest.generate.GenerationScope;
import vn.pcmd.ingest.generate.SyntheticForms;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;
import vn.pcmd.web.auth.AccountStore;
import vn.pcmd.web.auth.PasswordHasher;
import vn.pcmd.web.auth.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real warehouse for the site's tests, made once per test JVM as a user makes one: the synthetic forms of Đà Nẵng
 * (province 48 before the reform; 48 again after it, merged with Quảng Nam) generated, ingested and every job run on
 * DuckDB, with one account of each kind. Tests that change it (uploads) make their own copy.
 */
final class SiteFixture {
    static final String PROVINCE = "48";
    static final String OTHER_PROVINCE = "01";
    static final String PASSWORD = "mật-khẩu-thử-nghiệm";
    static final String VIEWER = "lanhdao48";
    static final String ANALYST = "chuyenvien48";
    static final String OUTSIDER = "hanoi";
    static final String NATION = "boyte";

    private static Path directory;

    final DataDirectory data = DataDirectory.locate();
    final Catalog catalog = new CatalogLoader(data).loadLatest();
    final AdministrativeUnits units = new AdministrativeUnitsLoader(data).load();
    final ReferenceTables references = new ReferenceTables(catalog, units, Targets.load(data, catalog));

    private SiteFixture() {}

    static SiteFixture shared() {
        return new SiteFixture();
    }

    /** The shared warehouse, made on first use. */
    synchronized Path warehouse() {
        if (directory == null) {
            try {
                directory = build(Files.createTempDirectory("pcmd-site-fixture"));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
        }
        return directory.resolve("warehouse");
    }

    /** A copy of the shared warehouse that a test may change. */
    Path copyOfWarehouse(Path target) throws IOException {
        FileTrees.copyRecursively(warehouse(), target);
        return target;
    }

    SiteServer server(Path warehouse) throws IOException {
        return new SiteServer(new Warehouse(warehouse), data, catalog, units, references, accounts(warehouse), Clock.systemUTC());
    }

    /** Runs a test against the real server on the warehouse (JavalinTest: a free port on 127.0.0.1), then closes it. */
    void test(Path warehouse, io.javalin.testtools.TestCase test) throws IOException {
        try (SiteServer site = server(warehouse)) {
            io.javalin.testtools.JavalinTest.test(site.app(), test);
        }
    }

    static AccountStore accounts(Path warehouse) {
        return new AccountStore(warehouse, new PasswordHasher(), Clock.systemUTC());
    }

    private Path build(Path root) throws IOException {
        Path forms = root.resolve("forms");
        new SyntheticForms(catalog, units).generate(GenerationOptions.of(GenerationScope.province(PROVINCE), catalog.period().firstYear(), catalog.period().lastYear(), 7)
                .withThreads(2), forms, Progress.NONE);
        Warehouse warehouse = new Warehouse(root.resolve("warehouse"));
        IngestResult result = new Ingestor(catalog, new UnitRegistry(units, catalog.period()), XlsxLimits.DEFAULT, 2, Clock.systemUTC())
                .ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);
        if (result.batchId().isEmpty()) {
            throw new IllegalStateException("the fixture's forms were not ingested");
        }
        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            new JobRunner(engine, warehouse).run(references.all(), Jobs.withDependencies(Jobs.names()), List.of(Vintage.values()), Progress.NONE);
        }
        AccountStore accounts = accounts(warehouse.root());
        accounts.add(VIEWER, Role.VIEWER, PROVINCE, Vintage.V2025, PASSWORD);
        accounts.add(ANALYST, Role.ANALYST, PROVINCE, Vintage.V2025, PASSWORD);
        accounts.add(OUTSIDER, Role.VIEWER, OTHER_PROVINCE, Vintage.V2025, PASSWORD);
        accounts.add(NATION, Role.ADMIN, ReferenceTables.NATION_CODE, Vintage.V2025, PASSWORD);
        return root;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            // a temporary directory: the system cleans it up otherwise
        }
    }
}
