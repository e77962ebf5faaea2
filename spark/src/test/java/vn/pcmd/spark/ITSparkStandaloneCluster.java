package vn.pcmd.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.analytics.testing.MartComparison;
import vn.pcmd.analytics.testing.TuyHoaFixture;
import vn.pcmd.core.FileTrees;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spark standalone cluster on this machine, as an operator would run one: a master and one worker started
 * from the Spark jars as their own JVMs (a Spark installation is made of those jars, as {@code SPARK_HOME/jars}),
 * bound to 127.0.0.1 on free ports; the job jar ({@code target/pcmd-spark-job.jar}) submitted to it with
 * spark-submit, so that the worker's executor gets the application only from that jar; the marts it writes compared
 * with DuckDB's, row for row. Runs after {@code package} (failsafe), since it needs the job jar.
 */
class ITSparkStandaloneCluster {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    private static Path sparkHome;
    private static final List<Process> processes = new ArrayList<>();
    private static String masterUrl;
    private static int masterWebPort;

    @BeforeAll
    static void startCluster() throws Exception {
        sparkHome = installSpark(temp.resolve("spark-home"));
        int masterPort = freePort();
        masterWebPort = freePort();
        masterUrl = "spark://" + LOOPBACK + ":" + masterPort;
        start("master", List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
                "--host", LOOPBACK, "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterWebPort));
        awaitMasterStatus("\"status\" : \"ALIVE\"");
        start("worker", List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker",
                "--host", LOOPBACK, "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
                "--cores", "2", "--memory", "1g", "--work-dir", temp.resolve("worker").toString(), masterUrl);
        awaitMasterStatus("\"aliveworkers\" : 1");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        // the worker first (its executors with it), then the master
        for (int index = processes.size() - 1; index >= 0; index--) {
            stop(processes.get(index));
        }
        assertThat(processes).as("the cluster's processes are stopped").noneMatch(Process::isAlive);
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJobJarSubmittedToTheClusterWritesTheMartsDuckDbWrites() throws Exception {
        Warehouse duckWarehouse = new Warehouse(temp.resolve("duckdb"));
        TuyHoaFixture.ingest(duckWarehouse);
        Warehouse clusterWarehouse = new Warehouse(temp.resolve("cluster"));
        FileTrees.copyRecursively(duckWarehouse.batchesDirectory(), clusterWarehouse.batchesDirectory());
        // every job, on one vintage: the SQL of both is the same, and TestSparkEquivalence compares both on local[2]
        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            new JobRunner(engine, duckWarehouse).run(AnalyticsFixture.referenceTables(), Jobs.all(), List.of(Vintage.V2025), Progress.NONE);
        }

        Path jobJar = Path.of(System.getProperty("pcmd.spark.job.jar", "target/pcmd-spark-job.jar")).toAbsolutePath();
        assertThat(jobJar).as("the job jar, built by mvn package").isRegularFile();
        Process submit = start("submit", List.of("-Xmx1g"), "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl, "--deploy-mode", "client", "--class", SparkJobsMain.class.getName(),
                "--conf", "spark.driver.host=" + LOOPBACK, "--conf", "spark.driver.bindAddress=" + LOOPBACK,
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=1g", "--conf", "spark.sql.shuffle.partitions=4",
                jobJar.toString(), "--warehouse", clusterWarehouse.root().toUri().toString(), "--vintage", "2025", "all");
        boolean finished = submit.waitFor(10, TimeUnit.MINUTES);
        String output = tail("submit");
        assertThat(finished).as("spark-submit finished within 10 minutes:\n%s", output).isTrue();
        assertThat(submit.exitValue()).as("spark-submit's exit status:\n%s", output).isZero();
        // the work ran on the cluster's executor, not in the driver: the worker launched one for the application
        try (Stream<Path> applications = Files.list(temp.resolve("worker"))) {
            assertThat(applications.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("app-"));
        }
        assertThat(output).contains("done in").contains("on " + masterUrl);

        for (String mart : Jobs.names()) {
            MartComparison.assertSameRows(mart + " 2025", JobRunner.martsDirectory(duckWarehouse).resolve(mart).resolve("vintage=2025.parquet"),
                    JobRunner.martsDirectory(clusterWarehouse).resolve(mart).resolve("vintage=2025.parquet"));
        }
    }

    /**
     * A Spark installation as the standalone scripts expect it, {@code SPARK_HOME/jars/*}: the Spark jars this test
     * runs with (Spark and what it depends on), without this project's classes and the test's own libraries.
     */
    private static Path installSpark(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Path project = Path.of(System.getProperty("pcmd.home", ".")).toAbsolutePath().normalize();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            String name = jar.getFileName().toString();
            if (!name.endsWith(".jar") || jar.startsWith(project) || entry.contains("/vn/pcmd/") || TEST_LIBRARIES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            Path installed = jars.resolve(name);
            if (!Files.exists(installed)) {
                // a hard link costs nothing and is removed with the folder like any file; a copy where linking fails
                try {
                    Files.createLink(installed, jar);
                }
                catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, installed);
                }
            }
        }
        try (Stream<Path> installed = Files.list(jars)) {
            assertThat(installed.map(path -> path.getFileName().toString())).as("the Spark jars on the test classpath").anyMatch(name -> name.startsWith("spark-core_"));
        }
        return home;
    }

    private static final List<String> TEST_LIBRARIES = List.of("junit-", "assertj-", "opentest4j-", "apiguardian-", "duckdb_jdbc-", "surefire", "common-java5",
            "common-junit", "maven-surefire", "failsafe");

    private static Process start(String name, List<String> memory, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memory);
        command.addAll(Arrays.asList(System.getProperty("pcmd.jvm.opens", "").split(" ")));
        command.removeIf(String::isBlank);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPARK_HOME", sparkHome.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_LOCAL_IP", LOOPBACK);
        environment.put("SPARK_NO_DAEMONIZE", "1");
        Process process = builder.start();
        if (processes.isEmpty()) {
            // should this JVM end without @AfterAll (a fork killed on timeout), the cluster must not outlive it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(child -> {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
            })));
        }
        processes.add(process);
        return process;
    }

    private static void awaitMasterStatus(String expected) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + masterWebPort + "/json/")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains(expected)) {
                    return;
                }
            }
            catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The master did not report " + expected + " within " + START_TIMEOUT + "; last answer: " + last
                + "\nmaster log:\n" + tail("master") + "\nworker log:\n" + tail("worker"));
    }

    private static String tail(String name) {
        Path log = temp.resolve(name + ".log");
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
