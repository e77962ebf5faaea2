package vn.pcmd.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Spark adapter does to a mart's query before writing it, and that the written file keeps its order. */
class TestSparkEngine {
    private static SparkSession spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() {
        spark = SparkJobs.session("local[2]", 4);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theHintGoesRightAfterTheOutermostSelect() {
        assertThat(SparkEngine.shuffledBeforeSorting("\n  SELECT a, b from t order by a"))
                .isEqualTo("\n  SELECT /*+ REPARTITION */ a, b from t order by a");
        assertThat(SparkEngine.shuffledBeforeSorting("select 1 as selected")).isEqualTo("select /*+ REPARTITION */ 1 as selected");
        // not a plain SELECT: left as it is
        assertThat(SparkEngine.shuffledBeforeSorting("with x as (select 1) select * from x")).isEqualTo("with x as (select 1) select * from x");
        assertThat(SparkEngine.shuffledBeforeSorting("selection")).isEqualTo("selection");
    }

    /** Spark keeps the hint's shuffle below a global sort; were a later version to drop it, the sampling would again recompute the input. */
    @Test
    void theSortReadsAShuffleWhichTheHintAdds() {
        spark.range(0, 1000, 1, 3).selectExpr("id", "cast(id % 7 as string) as key").createOrReplaceTempView("numbers");

        String plan = spark.sql(SparkEngine.shuffledBeforeSorting("select key, id from numbers order by key, id desc")).queryExecution().optimizedPlan().toString();

        assertThat(plan).containsSubsequence("Sort [", "Repartition");
    }

    @Test
    void aMartIsWrittenAsOneFileInTheOrderOfItsQuery() {
        spark.range(0, 50_000, 1, 3).selectExpr("id", "cast(id % 97 as string) as key").createOrReplaceTempView("numbers");
        String location = temp.resolve("mart.parquet").toString();
        try (SparkEngine engine = new SparkEngine(spark, temp.resolve("scratch").toString())) {
            engine.writeQueryParquet("select key, id from numbers order by key, id desc", location);
        }

        List<Row> written = spark.read().parquet(location).collectAsList();
        List<Row> expected = spark.sql("select key, id from numbers order by key, id desc").collectAsList();
        assertThat(written).hasSize(50_000).containsExactlyElementsOf(expected);
    }
}
