package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.web.SiteServer;
import vn.pcmd.web.auth.AccountStore;
import vn.pcmd.web.auth.PasswordHasher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code pcmd serve}: the leaders' site on the warehouse, until stopped with Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mở trang web biểu đồ (serve the leaders' site)",
        footer = {"", "Tài khoản: ./pcmd user add TÊN --role viewer|analyst|admin --unit MÃ (mật khẩu đọc từ đầu vào chuẩn).",
                "Accounts: ./pcmd user add NAME --role … --unit CODE; the site listens on 127.0.0.1 unless --host says otherwise."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, paramLabel = "DIR", description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--port", defaultValue = "7070", description = "Cổng (mặc định: ${DEFAULT-VALUE}; 0 = cổng trống bất kỳ)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Địa chỉ lắng nghe (mặc định: ${DEFAULT-VALUE}, chỉ máy này; đặt sau một reverse proxy có HTTPS khi mở ra mạng)")
    String host;

    @Override
    public Integer call() throws Exception {
        Warehouse existing = AnalyticsSession.existingWarehouse(warehouse);
        try (SiteServer site = open(existing.root())) {
            site.start(host, port);
            PrintWriter out = spec.commandLine().getOut();
            AccountStore accounts = accountStore(existing.root());
            out.println("Trang web / site: http://" + host + ":" + site.port() + "/   (Ctrl-C để dừng / to stop)");
            if (accounts.accounts().isEmpty()) {
                out.println("Chưa có tài khoản nào / no accounts yet: ./pcmd user add admin --role admin --unit VN --warehouse " + warehouse);
            }
            out.flush();
            waitUntilStopped();
        }
        return 0;
    }

    /** The site on a warehouse, with the programme's data loaded; not started. */
    static SiteServer open(Path warehouseDirectory) throws IOException {
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        AdministrativeUnits units = new AdministrativeUnitsLoader(data).load();
        ReferenceTables references = new ReferenceTables(catalog, units, Targets.load(data, catalog));
        return new SiteServer(new Warehouse(warehouseDirectory), data, catalog, units, references, accountStore(warehouseDirectory), Clock.systemUTC());
    }

    static AccountStore accountStore(Path warehouseDirectory) {
        return new AccountStore(warehouseDirectory, new PasswordHasher(), Clock.systemUTC());
    }

    static void waitUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "pcmd-serve-stop"));
        stopped.await();
    }
}
