package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestUserCommand {
    @Test
    void accountsAreAddedListedGivenTokensAndRemovedFromTheCommandLine(@TempDir Path directory) throws Exception {
        Path warehouse = TestingWarehouse.ingest(directory, "figures.csv", TestingWarehouse.NHON_TRACH);
        String where = warehouse.toString();

        CommandLineRun added = withStdin("một mật khẩu dài\n", () -> CommandLineRun.of("user", "add", "lanhdao", "--role", "viewer", "--unit", "75", "--warehouse", where));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("lanhdao", "viewer", "Tỉnh Đồng Nai");
        assertThat(Files.readString(warehouse.resolve("_site/accounts.json"))).doesNotContain("một mật khẩu dài");

        CommandLineRun again = withStdin("một mật khẩu dài\n", () -> CommandLineRun.of("user", "add", "lanhdao", "--role", "viewer", "--unit", "75", "--warehouse", where));
        assertThat(again.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(again.err()).contains("đã có");

        CommandLineRun unknownUnit = withStdin("một mật khẩu dài\n", () -> CommandLineRun.of("user", "add", "x1", "--role", "viewer", "--unit", "99", "--warehouse", where));
        assertThat(unknownUnit.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknownUnit.err()).contains("Không có đơn vị mã '99'");

        CommandLineRun unknownRole = withStdin("một mật khẩu dài\n", () -> CommandLineRun.of("user", "add", "x2", "--role", "root", "--unit", "75", "--warehouse", where));
        assertThat(unknownRole.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknownRole.err()).contains("viewer, analyst hoặc admin");

        CommandLineRun noPassword = withStdin("", () -> CommandLineRun.of("user", "add", "x3", "--role", "viewer", "--unit", "75", "--warehouse", where));
        assertThat(noPassword.exitCode()).isEqualTo(Main.EXIT_USAGE);

        CommandLineRun token = CommandLineRun.of("user", "token", "lanhdao", "--warehouse", where);
        assertThat(token.exitCode()).isZero();
        assertThat(token.out().strip()).startsWith("pcmd_");

        CommandLineRun list = CommandLineRun.of("user", "list", "--format", "csv", "--warehouse", where);
        assertThat(list.out()).startsWith("name,role,unit,unit_vintage,tokens,created").contains("lanhdao,viewer,75,2025,1,");

        CommandLineRun revoked = CommandLineRun.of("user", "token", "lanhdao", "--revoke", "--warehouse", where);
        assertThat(revoked.out()).contains("revoked: 1");

        assertThat(CommandLineRun.of("user", "remove", "lanhdao", "--warehouse", where).exitCode()).isZero();
        assertThat(CommandLineRun.of("user", "remove", "lanhdao", "--warehouse", where).exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(CommandLineRun.of("user", "list", "--format", "csv", "--warehouse", where).out()).doesNotContain("lanhdao");
    }

    @Test
    void accountsNeedAWarehouse(@TempDir Path directory) {
        CommandLineRun run = withStdin("một mật khẩu dài\n", () -> CommandLineRun.of("user", "add", "a1", "--role", "viewer", "--unit", "75", "--warehouse",
                directory.resolve("none").toString()));
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("./pcmd ingest");
    }

    private static CommandLineRun withStdin(String input, java.util.function.Supplier<CommandLineRun> run) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        }
        finally {
            System.setIn(original);
        }
    }
}
