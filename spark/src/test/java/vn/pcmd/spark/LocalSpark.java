package vn.pcmd.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static java.util.Objects.requireNonNull;

/**
 * One Spark {@code local[2]} session for a test class, as the jobs get it from {@link SparkJobs#session}: started
 * before the class's first test and stopped after its last, since starting one costs seconds. Registered with
 * {@code @RegisterExtension static final LocalSpark SPARK = new LocalSpark();}.
 */
final class LocalSpark implements BeforeAllCallback, AfterAllCallback {
    private SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = SparkJobs.session("local[2]", 4);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.stop();
        }
    }

    SparkSession session() {
        return requireNonNull(session, "the session starts before the class's first test");
    }
}
