package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestPcmdCommand {
    private static final List<String> SUBCOMMANDS = List.of("demo", "generate", "template", "ingest", "jobs", "query", "export", "report", "serve",
            "catalog", "units", "user");

    @Test
    void helpListsEverySubcommandOnALineOfItsOwn() {
        CommandLineRun run = CommandLineRun.of("--help");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        for (String subcommand : SUBCOMMANDS) {
            assertThat(lines).as("help line of %s", subcommand).anySatisfy(line -> assertThat(line).matches("  " + subcommand + " +\\S.*"));
        }
        int first = lines.indexOf(lines.stream().filter(line -> line.startsWith("  demo ")).findFirst().orElseThrow());
        // one line each: the twelve subcommands stand on twelve consecutive lines
        assertThat(lines.subList(first, first + SUBCOMMANDS.size())).allSatisfy(line -> assertThat(line).matches("  [a-z]+ +\\S.*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "generate", "template", "ingest", "jobs", "query", "export", "report", "serve", "catalog", "units", "user"})
    void everySubcommandHasHelp(String subcommand) {
        CommandLineRun run = CommandLineRun.of(subcommand, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: pcmd " + subcommand);
    }

    @Test
    void aWrongOptionIsAUsageErrorWithExitCode2() {
        CommandLineRun run = CommandLineRun.of("catalog", "--colour", "red");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Lỗi cú pháp lệnh / Usage error: Unknown options: '--colour', 'red'")
                .contains("./pcmd catalog --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aWrongValueIsAUsageErrorWithExitCode2() {
        CommandLineRun run = CommandLineRun.of("units", "--vintage", "2019", "--level", "province");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'2019' is not a vintage; use 2024 or 2025");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }
}
