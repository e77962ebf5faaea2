package vn.pcmd.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.Job;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running the jobs on Spark, for the command line ({@code ./pcmd jobs --engine spark}), spark-submit
 * ({@link SparkJobsMain}) and the tests alike: the session's settings and the run itself.
 */
public final class SparkJobs {
    /** The folder of the warehouse where a run keeps its scratch Parquet (a sub-folder per run, removed at its end). */
    public static final String SCRATCH_FOLDER = "_spark";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    private SparkJobs() {}

    /**
     * The settings the jobs are tuned for, set only where the user (spark-submit {@code --conf}, spark-defaults.conf)
     * set nothing:
     * <ul>
     * <li>UTC dates; adaptive execution (it merges small shuffle partitions and picks broadcasts from real sizes);</li>
     * <li>Parquet sizes read as ten times their bytes when planning joins: the warehouse's facts compress about 100 to
     * 1 (2.5 million rows in 3 MB), so Spark would otherwise broadcast a country's facts as a "small" table;</li>
     * <li>a small cost of opening a file, so that a file of a few megabytes is still split between the cores;</li>
     * <li>hash joins rather than sort-merge joins where a side fits in memory: sorting both sides of a join on text
     * keys (unit and indicator codes) was the largest cost of the jobs; adaptive execution then builds a hash table of
     * a shuffled side up to 256 MiB per partition, and broadcasts a side it sees is under 64 MiB, rather than 10;</li>
     * <li>room for 5,000 generated classes in Spark's code cache, not 100: the jobs run once per vintage with the same
     * plans, and a class found in the cache keeps the machine code the JIT compiled for it, where a class generated again
     * is compiled again (national benchmark: the vintage-2025 jobs 64 → 44 s, the JIT's compiling 171 → 130 s of CPU);</li>
     * <li>no console progress bar over the command's own output.</li>
     * </ul>
     */
    public static SparkConf defaults(SparkConf conf) {
        return conf.setIfMissing("spark.app.name", "pcmd-jobs")
                .setIfMissing("spark.sql.session.timeZone", "UTC")
                .setIfMissing("spark.sql.adaptive.enabled", "true")
                .setIfMissing("spark.sql.sources.fileCompressionFactor", "10")
                .setIfMissing("spark.sql.files.openCostInBytes", Integer.toString(512 << 10))
                .setIfMissing("spark.sql.join.preferSortMergeJoin", "false")
                .setIfMissing("spark.sql.adaptive.maxShuffledHashJoinLocalMapThreshold", Integer.toString(256 << 20))
                .setIfMissing("spark.sql.adaptive.autoBroadcastJoinThreshold", Integer.toString(64 << 20))
                .setIfMissing("spark.sql.codegen.cache.maxEntries", "5000")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
    }

    /**
     * A session on this machine ({@code local[2]}, {@code local[*]}) or a cluster ({@code spark://host:7077}), the
     * UI off, bound to the loopback interface when local. {@code spark.*} system properties (for instance
     * {@code -Dspark.sql.shuffle.partitions=16} in {@code PCMD_JAVA_OPTS}) take precedence over the arguments.
     */
    public static SparkSession session(String master, int shufflePartitions) {
        SparkConf conf = defaults(new SparkConf())
                .setMaster(master)
                .set("spark.ui.enabled", "false")
                .setIfMissing("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * Shuffle partitions for a master: two per core on this machine ({@code local[2]} → 4), where Spark's default of
     * 200 would mostly schedule empty tasks for a country's figures; on a cluster, 8 per worker core is not known
     * here, so 32, which adaptive execution merges where they are small.
     */
    public static int shufflePartitions(String master) {
        Matcher local = LOCAL.matcher(master);
        if (!local.matches()) {
            return 32;
        }
        String threads = local.group(1);
        int cores = threads == null || threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        return Math.max(2, 2 * cores);
    }

    /** Runs the jobs on the warehouse, keeping scratch Parquet under its {@value #SCRATCH_FOLDER} folder. */
    public static List<JobRunner.JobTiming> run(SparkSession spark, HadoopWarehouse warehouse, List<Table> referenceTables, List<Job> jobs, List<Vintage> vintages,
            Progress progress) {
        try (SparkEngine engine = engine(spark, warehouse)) {
            return new JobRunner(engine, warehouse).run(referenceTables, jobs, vintages, progress);
        }
    }

    /** The engine the jobs run on, its scratch Parquet under the warehouse's {@value #SCRATCH_FOLDER} folder. */
    public static SparkEngine engine(SparkSession spark, HadoopWarehouse warehouse) {
        return new SparkEngine(spark, warehouse.root() + "/" + SCRATCH_FOLDER);
    }
}
