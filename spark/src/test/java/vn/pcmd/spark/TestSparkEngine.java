package vn.pcmd.spark;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Spark adapter does to a mart's query before writing it, and that the written file keeps its order. */
class TestSparkEngine {
    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    @TempDir
    Path temp;

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
        SPARK.session().range(0, 1000, 1, 3).selectExpr("id", "cast(id % 7 as string) as key").createOrReplaceTempView("numbers");

        String plan = SPARK.session().sql(SparkEngine.shuffledBeforeSorting("select key, id from numbers order by key, id desc")).queryExecution().optimizedPlan().toString();

        assertThat(plan).containsSubsequence("Sort [", "Repartition");
    }

    @Test
    void onlyASortOverWindowsGetsTheShuffle() {
        SPARK.session().range(0, 1000, 1, 3).selectExpr("id", "cast(id % 7 as string) as key").createOrReplaceTempView("numbers");
        String grouping = "select key, count(*) as ids from numbers group by key order by key";
        String windows = "select key, id, rank() over (partition by key order by id) as position from numbers order by key, id";
        try (SparkEngine engine = new SparkEngine(SPARK.session(), temp.resolve("scratch").toString())) {
            assertThat(engine.sortedWithoutRecomputing(grouping)).isEqualTo(grouping);
            assertThat(engine.sortedWithoutRecomputing(windows)).isEqualTo(SparkEngine.shuffledBeforeSorting(windows));
        }
    }

    @Test
    void aMartIsWrittenAsOneFileInTheOrderOfItsQuery() {
        SPARK.session().range(0, 50_000, 1, 3).selectExpr("id", "cast(id % 97 as string) as key").createOrReplaceTempView("numbers");
        // a window, so that the sort reads the hint's shuffle
        String select = "select key, id, rank() over (partition by key order by id) as position from numbers order by key, id desc";
        String location = temp.resolve("mart.parquet").toString();
        try (SparkEngine engine = new SparkEngine(SPARK.session(), temp.resolve("scratch").toString())) {
            engine.writeQueryParquet(select, location);
        }

        List<Row> written = SPARK.session().read().parquet(location).collectAsList();
        List<Row> expected = SPARK.session().sql(select).collectAsList();
        assertThat(written).hasSize(50_000).containsExactlyElementsOf(expected);
    }
}
