package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.data.DataDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a command finds its warehouse without {@code --warehouse}: {@code PCMD_WAREHOUSE}, else {@code data/warehouse}
 * under the working directory. Each case runs {@code pcmd ingest} in a JVM of its own, with its own environment and
 * working directory.
 */
class TestWarehouseLocation {
    @TempDir
    Path directory;

    @Test
    void withoutTheOptionOrTheVariableTheWarehouseIsDataWarehouseInTheWorkingDirectory() throws Exception {
        Path input = input();
        String output = ingest(Map.of(), input);

        assertThat(directory.resolve("data/warehouse/batches")).as(output).isDirectory();
    }

    @Test
    void theVariableNamesTheWarehouseAndTheOptionWinsOverIt() throws Exception {
        Path input = input();
        Path fromVariable = directory.resolve("from-variable");
        String output = ingest(Map.of("PCMD_WAREHOUSE", fromVariable.toString()), input);
        assertThat(fromVariable.resolve("batches")).as(output).isDirectory();
        assertThat(directory.resolve("data")).doesNotExist();

        Path fromOption = directory.resolve("from-option");
        output = ingest(Map.of("PCMD_WAREHOUSE", fromVariable.toString()), input, "--warehouse", fromOption.toString());
        assertThat(fromOption.resolve("batches")).as(output).isDirectory();
    }

    @Test
    void helpNamesTheDefaultAndTheVariable() {
        CommandLineRun run = CommandLineRun.of("ingest", "--help");
        assertThat(run.out()).contains("--warehouse").contains("PCMD_WAREHOUSE");
        if (System.getenv("PCMD_WAREHOUSE") == null) {
            assertThat(run.out()).contains("mặc định: data/warehouse");
        }
    }

    private Path input() throws IOException {
        return Files.writeString(directory.resolve("nhon-trach.csv"),
                TestingWarehouse.CSV_HEADER + "\n" + String.join("\n", TestingWarehouse.NHON_TRACH) + "\n", StandardCharsets.UTF_8);
    }

    /** {@code pcmd ingest [extra options] INPUT} with the working directory {@link #directory}; returns its output. */
    private String ingest(Map<String, String> environment, Path input, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("ingest"));
        arguments.addAll(List.of(options));
        arguments.add(input.toString());
        List<String> command = CommandLineRun.inOwnJvm(
                List.of("-D" + DataDirectory.DATA_PROPERTY + "=" + DataDirectory.locate().root().toAbsolutePath(), "-Dfile.encoding=UTF-8"), arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("PCMD_WAREHOUSE");
        builder.environment().remove(DataDirectory.HOME_ENVIRONMENT);
        builder.environment().putAll(environment);
        Path output = Files.createTempFile(directory, "ingest", ".out");
        Process process = builder.redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
