package vn.pcmd.spark;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import vn.pcmd.core.data.DataDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The spark-submit entry point's arguments and the session's settings; the cluster test runs it for real (ITSparkStandaloneCluster). */
class TestSparkJobsMain {
    @Test
    void withoutAWarehouseItSaysWhatItNeedsAndExitsWith2() {
        Result result = run("rollup");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).startsWith("--warehouse is required").contains("usage: spark-submit");
    }

    @Test
    void anUnknownJobOrVintageOrOptionIsAUsageError() {
        assertThat(run("--warehouse", "file:/tmp/w", "rolup").err()).startsWith("Unknown job 'rolup'; known: rollup, derived, targets, quality, trends, compare, all");
        assertThat(run("--warehouse", "file:/tmp/w", "--vintage", "2023").err()).startsWith("No vintage '2023'; use 2024 or 2025");
        assertThat(run("--warehouse", "file:/tmp/w", "--threads", "2").err()).startsWith("Unknown option --threads");
        assertThat(run("--warehouse").err()).startsWith("--warehouse needs a value");
    }

    @Test
    void theArgumentsDefaultToEveryJobOnBothVintages() {
        SparkJobsMain.Arguments arguments = SparkJobsMain.Arguments.parse(new String[] {"--warehouse", "hdfs://namenode:8020/pcmd"});

        assertThat(arguments.warehouse()).isEqualTo("hdfs://namenode:8020/pcmd");
        assertThat(arguments.jobs()).containsExactly("all");
        assertThat(arguments.vintages()).hasSize(2);
        assertThat(arguments.data()).isEmpty();
    }

    @Test
    void theProgrammeDataComesWithTheClasses() {
        // in the job jar, the copy of data/ inside it; here, the same copy in target/classes
        DataDirectory data = SparkJobsMain.bundledOrLocated();

        assertThat(data.root().toString()).endsWith("data");
        assertThat(Files.isRegularFile(data.periodsFile())).isTrue();
    }

    @Test
    void shufflePartitionsAreTwoPerLocalCore() {
        assertThat(SparkJobs.shufflePartitions("local[2]")).isEqualTo(4);
        assertThat(SparkJobs.shufflePartitions("local[8,3]")).isEqualTo(16);
        assertThat(SparkJobs.shufflePartitions("local[*]")).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(SparkJobs.shufflePartitions("spark://127.0.0.1:7077")).isEqualTo(32);
    }

    @Test
    void theSettingsTheJobsAreTunedForGiveWayToTheUsersOwn() {
        SparkConf tuned = SparkJobs.defaults(new SparkConf(false));
        // the second vintage reuses the first's generated classes, and with them the JIT's machine code
        assertThat(tuned.get("spark.sql.codegen.cache.maxEntries")).isEqualTo("5000");
        assertThat(tuned.get("spark.sql.join.preferSortMergeJoin")).isEqualTo("false");

        SparkConf users = SparkJobs.defaults(new SparkConf(false).set("spark.sql.codegen.cache.maxEntries", "100").set("spark.sql.adaptive.enabled", "false"));
        assertThat(users.get("spark.sql.codegen.cache.maxEntries")).isEqualTo("100");
        assertThat(users.get("spark.sql.adaptive.enabled")).isEqualTo("false");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkJobsMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {}
}
