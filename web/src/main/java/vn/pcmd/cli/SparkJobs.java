package vn.pcmd.cli;

import org.apache.spark.sql.SparkSession;
import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.analytics.engine.SparkEngine;

/** The one place the command line touches Spark, so that no other command loads its classes. */
final class SparkJobs {
    private SparkJobs() {}

    static Engine engine(String master) {
        return new SparkEngine(SparkEngine.session(master, 4));
    }

    static void stop() {
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
    }
}
