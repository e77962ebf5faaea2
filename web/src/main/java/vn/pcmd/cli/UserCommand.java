package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.web.auth.Account;
import vn.pcmd.web.auth.AccountException;
import vn.pcmd.web.auth.AccountStore;
import vn.pcmd.web.auth.Role;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcmd user}: the site's accounts — the first admin is made here. */
@Command(name = "user", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Quản lý tài khoản trang web (manage site accounts)",
        subcommands = {UserCommand.Add.class, UserCommand.ListAccounts.class, UserCommand.Remove.class, UserCommand.Token.class},
        footer = {"", "Ví dụ / e.g.:  echo 'mật-khẩu-dài' | ./pcmd user add lanhdao --role viewer --unit 75"})
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    static final class WarehouseOption {
        @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, paramLabel = "DIR",
                description = "Kho dữ liệu mà tài khoản được xem (mặc định: ${DEFAULT-VALUE}); tài khoản lưu ở DIR/_site/accounts.json")
        Path warehouse;

        AccountStore store() {
            return ServeCommand.accountStore(AnalyticsSession.existingWarehouse(warehouse).root());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, description = "Thêm tài khoản; mật khẩu đọc từ đầu vào chuẩn (add an account)")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Tên tài khoản: 2–32 ký tự a-z, 0-9, . _ -")
        String name;

        @Option(names = "--role", required = true, description = "viewer (xem), analyst (xem, nộp biểu), admin (quản trị)")
        String role;

        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị được xem, cùng các đơn vị trực thuộc; VN = toàn quốc")
        String unit;

        @Option(names = "--vintage", defaultValue = "2025", converter = UnitsCommand.VintageConverter.class,
                description = "Địa giới của mã đơn vị: 2025 (mặc định, sau sắp xếp) hoặc 2024")
        Vintage vintage;

        @picocli.CommandLine.Mixin
        WarehouseOption warehouse;

        @Override
        public Integer call() throws IOException {
            Role parsedRole = Role.fromCode(role).orElseThrow(() -> new UserException("Vai trò '" + role + "' không có; dùng viewer, analyst hoặc admin. "
                    + "Role '" + role + "' does not exist; use viewer, analyst or admin.", Main.EXIT_USAGE));
            String unitName = unitName(unit, vintage);
            AccountStore store = warehouse.store();
            String password = readPassword(spec);
            try {
                Account account = store.add(name, parsedRole, unit, vintage, password);
                spec.commandLine().getOut().println("Đã thêm / added: " + account.name() + " (" + account.role().code() + ", " + unitName + ", địa giới " + vintage.code() + ")");
            }
            catch (AccountException e) {
                throw new UserException(e.getMessage(), Main.EXIT_USAGE);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liệt kê tài khoản (list accounts)")
    static final class ListAccounts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        WarehouseOption warehouse;

        @Option(names = "--format", defaultValue = "table", description = "table (mặc định) hoặc csv")
        OutputFormat format;

        @Override
        public Integer call() {
            AccountStore store = warehouse.store();
            new Listing(List.of("name", "role", "unit", "unit_vintage", "tokens", "created"), store.accounts().stream()
                    .map(account -> List.of(account.name(), account.role().code(), account.unitCode(), account.unitVintage().code(),
                            Integer.toString(store.tokens(account.name()).size()), account.created().toString())).toList())
                    .print(format, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Xóa tài khoản và các mã truy cập của nó (remove an account)")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @picocli.CommandLine.Mixin
        WarehouseOption warehouse;

        @Override
        public Integer call() {
            if (!warehouse.store().remove(name)) {
                throw new UserException("Không có tài khoản '" + name + "'. No account '" + name + "'.", Main.EXIT_USAGE);
            }
            spec.commandLine().getOut().println("Đã xóa / removed: " + name + " (phiên đăng nhập và mã truy cập hết hiệu lực ngay / sessions and tokens stop working now)");
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Cấp mã truy cập cá nhân cho script (Authorization: Bearer …), hoặc thu hồi với --revoke")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--revoke", description = "Thu hồi mọi mã truy cập của tài khoản (revoke every token of the account)")
        boolean revoke;

        @picocli.CommandLine.Mixin
        WarehouseOption warehouse;

        @Override
        public Integer call() {
            AccountStore store = warehouse.store();
            try {
                if (revoke) {
                    int revoked = store.revokeTokens(name);
                    spec.commandLine().getOut().println("Đã thu hồi / revoked: " + revoked);
                    return 0;
                }
                String token = store.issueToken(name);
                spec.commandLine().getOut().println(token);
                spec.commandLine().getErr().println("Mã chỉ hiện một lần; dùng: curl -H 'Authorization: Bearer …' http://127.0.0.1:7070/api/units/CODE. "
                        + "Shown once; same unit scope as the account; revoke with ./pcmd user token " + name + " --revoke");
                return 0;
            }
            catch (AccountException e) {
                throw new UserException(e.getMessage(), Main.EXIT_USAGE);
            }
        }
    }

    static String unitName(String code, Vintage vintage) {
        if (code.equals(ReferenceTables.NATION_CODE)) {
            return ReferenceTables.NATION_NAME;
        }
        AdministrativeUnits units = new AdministrativeUnitsLoader(DataDirectory.locate()).load();
        return units.unit(vintage, code).map(AdminUnit::name).orElseThrow(() -> new UserException("Không có đơn vị mã '" + code + "' trong địa giới " + vintage.code()
                + " (xem ./pcmd units). No unit '" + code + "' in vintage " + vintage.code() + ".", Main.EXIT_USAGE));
    }

    /** The password from the terminal (asked twice, not echoed) or the first line of standard input. */
    static String readPassword(CommandSpec spec) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Mật khẩu / password: ");
            char[] second = console.readPassword("Nhập lại / again: ");
            if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
                throw new UserException("Hai lần nhập mật khẩu không khớp. The passwords differ.", Main.EXIT_USAGE);
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new UserException("Hãy đưa mật khẩu vào đầu vào chuẩn, ví dụ: echo '…' | ./pcmd user add … "
                    + "Give the password on standard input.", Main.EXIT_USAGE);
        }
        return line;
    }
}
