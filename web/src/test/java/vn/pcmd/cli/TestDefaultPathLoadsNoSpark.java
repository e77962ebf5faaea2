package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default neither starts nor loads Spark: each everyday command runs in a JVM of its own with Spark's
 * jars on the classpath, as {@code ./pcmd} runs it, and the JVM's class-loading log must name no class of Spark or
 * Scala. (Jackson's module discovery once loaded the Scala library into every command through Spark's Scala module.)
 */
class TestDefaultPathLoadsNoSpark {
    private static final Pattern SPARK_OR_SCALA = Pattern.compile(" (org\\.apache\\.spark|scala)\\.");

    @TempDir
    Path directory;

    @Test
    void ingestJobsQueryAndExportLoadNoClassOfSparkOrScala() throws Exception {
        Path input = Files.writeString(directory.resolve("nhon-trach.csv"),
                TestingWarehouse.CSV_HEADER + "\n" + String.join("\n", TestingWarehouse.NHON_TRACH) + "\n", StandardCharsets.UTF_8);
        String warehouse = directory.resolve("warehouse").toString();

        assertLoadsNoSpark("ingest", "ingest", "--warehouse", warehouse, input.toString());
        assertLoadsNoSpark("jobs", "jobs", "--warehouse", warehouse, "all");
        assertLoadsNoSpark("query", "query", "--warehouse", warehouse, "select count(*) from rollup");
        assertLoadsNoSpark("export", "export", "--warehouse", warehouse, "--dataset", "rollup", "--format", "csv", "--out",
                directory.resolve("rollup.csv").toString());
    }

    private void assertLoadsNoSpark(String name, String... arguments) throws IOException, InterruptedException {
        Path classLog = directory.resolve(name + ".classes");
        Path output = directory.resolve(name + ".out");
        List<String> command = CommandLineRun.inOwnJvm(List.of("-Xlog:class+load=info:file=" + classLog, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"),
                List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", name).isTrue();
        assertThat(process.exitValue()).as("%s exit code; its output:%n%s", name, Files.readString(output)).isZero();

        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the class log of %s", name).anyMatch(line -> line.contains(" vn.pcmd.cli.Main "));
        // Spark's jars are on this classpath (the web module depends on pcmd-spark), so their absence from the log means something
        assertThat(System.getProperty("java.class.path") + classPathOfManifest()).as("the classpath").contains("spark-sql_");
        assertThat(loaded).as("classes of Spark or Scala loaded by %s", name).noneMatch(line -> SPARK_OR_SCALA.matcher(line).find());
    }

    /** Surefire may start the tests with a manifest-only jar, whose manifest holds the real classpath. */
    private static String classPathOfManifest() throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return "";
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() == null ? "" : String.valueOf(jar.getManifest().getMainAttributes().getValue("Class-Path"));
        }
    }
}
