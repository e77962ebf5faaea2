package vn.pcmd.cli;

import org.apache.spark.sql.SparkSession;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.Job;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.spark.HadoopWarehouse;
import vn.pcmd.spark.SparkJobs;

import java.nio.file.Path;
import java.util.List;

/** The one place the command line touches Spark, so that no other command loads its classes. */
final class SparkRun {
    private SparkRun() {}

    /** The jobs on a Spark session for {@code master}, started for this run and stopped after it. */
    static List<JobRunner.JobTiming> run(String master, Path warehouse, List<Table> referenceTables, List<Job> jobs, List<Vintage> vintages, Progress progress) {
        SparkSession spark = SparkJobs.session(master, SparkJobs.shufflePartitions(master));
        try {
            HadoopWarehouse location = new HadoopWarehouse(warehouse.toUri().toString(), spark.sparkContext().hadoopConfiguration());
            return SparkJobs.run(spark, location, referenceTables, jobs, vintages, progress);
        }
        finally {
            spark.stop();
        }
    }
}
