package vn.pcmd.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestNotYetAvailable {
    @ParameterizedTest
    @ValueSource(strings = {"serve", "user"})
    void saysPlainlyItIsNotAvailableAndFails(String subcommand) {
        CommandLineRun run = CommandLineRun.of(subcommand);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Lệnh '" + subcommand + "' chưa có trong phiên bản này").contains("is not available yet");
    }
}
