package vn.pcmd.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import vn.pcmd.analytics.job.Job;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs on a Spark cluster, for spark-submit with the shaded jar ({@code spark/target/pcmd-spark-job.jar},
 * docs/spark.md). The warehouse may be on any Hadoop-compatible file system the cluster reaches; the programme's
 * data (catalog, targets, units) is the copy of {@code data/} inside the jar unless {@code --data} names another.
 * Exit status: 0 done, 2 usage error, 1 the run failed.
 */
public final class SparkJobsMain {
    static final String USAGE = """
            usage: spark-submit [spark options] --class vn.pcmd.spark.SparkJobsMain pcmd-spark-job.jar \\
                     --warehouse URI [--vintage 2024|2025] [--data DIR] [JOB... | all]
              --warehouse URI   the warehouse folder: file:/…, hdfs://namenode:8020/…, s3a://bucket/…
              --vintage V       only the 2024 or the 2025 administrative units (default: both)
              --data DIR        a local data/ folder to use instead of the copy inside the jar
              JOB               rollup, derived, targets, quality, trends, compare, or all (default)""";

    private SparkJobsMain() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        List<Job> jobs;
        try {
            arguments = Arguments.parse(args);
            jobs = Jobs.withDependencies(arguments.jobs().contains("all") ? Jobs.names() : arguments.jobs());
        }
        catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        DataDirectory data = arguments.data().map(SparkJobsMain::dataDirectory).orElseGet(SparkJobsMain::bundledOrLocated);
        Catalog catalog = new CatalogLoader(data).loadLatest();
        ReferenceTables references = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog));

        SparkSession spark = SparkSession.builder().config(SparkJobs.defaults(new SparkConf())).getOrCreate();
        try {
            HadoopWarehouse warehouse = new HadoopWarehouse(arguments.warehouse(), spark.sparkContext().hadoopConfiguration());
            if (!warehouse.exists()) {
                err.println("No warehouse at " + warehouse.root() + " (no batches/ folder); ingest into it first (./pcmd ingest), then copy it there.");
                return 2;
            }
            long start = System.nanoTime();
            List<JobRunner.JobTiming> timings = SparkJobs.run(spark, warehouse, references.all(), jobs, arguments.vintages(), Progress.NONE);
            for (JobRunner.JobTiming timing : timings) {
                out.printf(Locale.ROOT, "%-8s vintage %s %10d rows %8.2f s%n", timing.job(), timing.vintage().code(), timing.rows(), timing.elapsed().toNanos() / 1e9);
            }
            out.printf(Locale.ROOT, "done in %.1f s on %s; marts: %s%n", (System.nanoTime() - start) / 1e9, spark.sparkContext().master(), warehouse.martsLocation());
            return 0;
        }
        catch (RuntimeException e) {
            err.println("The jobs failed: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
        finally {
            spark.stop();
        }
    }

    private static DataDirectory dataDirectory(String folder) {
        Path root = Path.of(folder);
        if (!Files.isRegularFile(root.resolve("catalog/periods.csv"))) {
            throw new IllegalArgumentException("--data " + folder + " is not a PCMD data folder (no catalog/periods.csv)");
        }
        return new DataDirectory(root);
    }

    /** The copy of data/ built into this jar (or these classes), else the checkout's as the command line finds it. */
    static DataDirectory bundledOrLocated() {
        URL periods = SparkJobsMain.class.getResource("/data/catalog/periods.csv");
        if (periods == null) {
            return DataDirectory.locate();
        }
        try {
            URI uri = periods.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return new DataDirectory(jar.getPath("/data"));
            }
            return new DataDirectory(Path.of(uri).getParent().getParent());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the data folder inside the jar: " + periods, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data folder inside the jar: " + periods, e);
        }
    }

    record Arguments(String warehouse, List<Vintage> vintages, Optional<String> data, List<String> jobs) {
        static Arguments parse(String[] args) {
            String warehouse = null;
            List<Vintage> vintages = List.of(Vintage.values());
            Optional<String> data = Optional.empty();
            List<String> jobs = new ArrayList<>();
            for (int index = 0; index < args.length; index++) {
                String argument = args[index];
                switch (argument) {
                    case "--warehouse" -> warehouse = value(args, ++index, argument);
                    case "--vintage" -> {
                        String code = value(args, ++index, argument);
                        vintages = List.of(Vintage.parse(code).orElseThrow(() -> new IllegalArgumentException("No vintage '" + code + "'; use 2024 or 2025")));
                    }
                    case "--data" -> data = Optional.of(value(args, ++index, argument));
                    default -> {
                        if (argument.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + argument);
                        }
                        jobs.add(argument);
                    }
                }
            }
            if (warehouse == null) {
                throw new IllegalArgumentException("--warehouse is required");
            }
            return new Arguments(warehouse, vintages, data, jobs.isEmpty() ? List.of("all") : List.copyOf(jobs));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
