package vn.pcmd.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.testing.OwnJvm;
import vn.pcmd.ingest.testing.DuckDb;
import vn.pcmd.ingest.testing.IngestProcess;
import vn.pcmd.ingest.testing.OfficeForm;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.testing.WarehouseSnapshot;
import vn.pcmd.ingest.warehouse.BatchManifest;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIngestor {
    private static final ReadOptions COMMUNE = new ReadOptions(Optional.of("26503"), Optional.empty());

    private final Catalog catalog = TestingIngest.catalog();
    private final Ingestor ingestor = new Ingestor(catalog, TestingIngest.units(), XlsxLimits.DEFAULT, 2, Clock.systemUTC());

    @TempDir
    Path temp;

    @Test
    void acceptedFilesBecomeOneBatchThatDuckDbReadsWithLineage() throws IOException {
        Path forms = Files.createDirectories(temp.resolve("forms"));
        OfficeForm.of(catalog, Form.IIA).filled().values("iia_raids_public", 1.0, 2.0, 3.0, 4.0, 5.0).save(forms.resolve("a.xlsx"));
        Files.writeString(forms.resolve("b.csv"), "unit_code,form,agency,indicator_code,year,value\n75,IA,police,ia_police_hotspots,2022,7\n");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));

        IngestResult result = ingestor.ingest(warehouse, InputFiles.expand(List.of(forms)), COMMUNE, Progress.NONE);

        assertThat(result.count(IngestResult.Status.ACCEPTED)).isEqualTo(2);
        assertThat(result.factsWritten()).isEqualTo(46 * 5 + 1);
        assertThat(warehouse.batches()).singleElement().satisfies(batch -> assertThat(batch.factCount()).isEqualTo(46 * 5 + 1));
        // the columns as the files hold them (DuckDB would otherwise take form and year from the partition path)
        String facts = "read_parquet('" + warehouse.glob(Warehouse.FACTS_FILES) + "', hive_partitioning = false)";
        assertThat(DuckDb.query("select year, value, sheet, cell, source_file from " + facts + " where indicator_code = 'iia_raids_public' order by year"))
                .hasSize(5)
                .first().satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo(2021);
                    assertThat(row.get(1)).isEqualTo(1.0);
                    assertThat(row.get(2)).isEqualTo("Biểu IIA");
                    assertThat((String) row.get(4)).endsWith("a.xlsx");
                });
        assertThat(DuckDb.query("select unit_code, agency, value from " + facts + " where form = 'IA'")).containsExactly(List.of("75", "police", 7.0));
        assertThat(DuckDb.count("select count(*) from read_parquet('" + warehouse.glob(Warehouse.SUBMISSIONS_FILE) + "')")).isEqualTo(2);
    }

    @Test
    void factsArePartitionedHiveStyleByFormAndYear() throws IOException {
        Path forms = Files.createDirectories(temp.resolve("forms"));
        OfficeForm.of(catalog, Form.IIA).filled().save(forms.resolve("a.xlsx"));
        Files.writeString(forms.resolve("b.csv"), "unit_code,form,agency,indicator_code,year,value\n75,IA,police,ia_police_hotspots,2022,7\n");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));

        ingestor.ingest(warehouse, InputFiles.expand(List.of(forms)), COMMUNE, Progress.NONE);

        Path facts = warehouse.batchDirectory(warehouse.batches().get(0).batchId()).orElseThrow().resolve(Warehouse.FACTS_DIRECTORY);
        try (Stream<Path> files = Files.walk(facts)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> facts.relativize(file).toString()).sorted().toList()).containsExactly(
                    "form=IA/year=2022/part-0.parquet",
                    "form=IIA/year=2021/part-0.parquet", "form=IIA/year=2022/part-0.parquet", "form=IIA/year=2023/part-0.parquet",
                    "form=IIA/year=2024/part-0.parquet", "form=IIA/year=2025/part-0.parquet");
        }
        // a reader that takes form and year from the path sees the same facts as one that reads them from the files
        String glob = warehouse.glob(Warehouse.FACTS_FILES);
        // (from the path, DuckDB types the year BIGINT; the files hold it as INT32)
        String columns = "form, cast(year as integer), unit_code, indicator_code, value, cell";
        assertThat(DuckDb.query("select " + columns + " from read_parquet('" + glob + "', hive_partitioning = true) order by all"))
                .hasSize(46 * 5 + 1)
                .isEqualTo(DuckDb.query("select " + columns + " from read_parquet('" + glob + "', hive_partitioning = false) order by all"));
    }

    @Test
    void factFilesKeepMinAndMaxOnlyWhereTheyCanSkipAFile() throws IOException {
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        ingestor.ingest(warehouse, List.of(OfficeForm.of(catalog, Form.IIA).filled().save(temp.resolve("a.xlsx"))), COMMUNE, Progress.NONE);
        Path file = Warehouse.factsPartitionFile(warehouse.batchDirectory(warehouse.batches().get(0).batchId()).orElseThrow(), "IIA", 2022);

        // form and year are one value per file; every other text spans the country, so its min/max is not written
        assertThat(DuckDb.query("select path_in_schema, stats_min_value, stats_max_value from parquet_metadata('" + file + "') "
                + "where path_in_schema in ('form', 'year', 'unit_code', 'indicator_code', 'source_file', 'cell') order by path_in_schema"))
                .containsExactly(
                        Arrays.asList("cell", null, null),
                        Arrays.asList("form", "IIA", "IIA"),
                        Arrays.asList("indicator_code", null, null),
                        Arrays.asList("source_file", null, null),
                        Arrays.asList("unit_code", null, null),
                        Arrays.asList("year", "2022", "2022"));
    }

    @Test
    void aWarehouseInTheEarlierLayoutIsRefusedNotReadWithoutItsFacts() throws IOException {
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        ingestor.ingest(warehouse, List.of(OfficeForm.of(catalog, Form.IIA).filled().save(temp.resolve("a.xlsx"))), COMMUNE, Progress.NONE);
        Path batch = warehouse.batchDirectory(warehouse.batches().get(0).batchId()).orElseThrow();
        // the layout before the facts were partitioned: one facts.parquet per batch
        Files.writeString(batch.resolve("facts.parquet"), "");

        assertThatThrownBy(warehouse::batches).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cấu trúc cũ").hasMessageContaining("earlier layout").hasMessageContaining(batch.getFileName().toString());
    }

    @Test
    void sendingTheSameFileAgainChangesNoFile() throws IOException {
        Path form = OfficeForm.of(catalog, Form.IIA).filled().save(temp.resolve("a.xlsx"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        ingestor.ingest(warehouse, List.of(form), COMMUNE, Progress.NONE);
        Map<String, String> before = WarehouseSnapshot.of(warehouse.root());

        IngestResult again = ingestor.ingest(warehouse, List.of(form), COMMUNE, Progress.NONE);

        assertThat(again.count(IngestResult.Status.UNCHANGED)).isEqualTo(1);
        assertThat(again.batchId()).isEmpty();
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }

    @Test
    void aResubmissionSupersedesTheEarlierFiguresAndKeepsThemAsHistory() throws IOException {
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        Path first = OfficeForm.of(catalog, Form.IIA).values("iia_raids_public", 1.0, 1.0, 1.0, 1.0, 1.0).save(temp.resolve("first.xlsx"));
        Path second = OfficeForm.of(catalog, Form.IIA).values("iia_raids_public", 2.0, 2.0, 2.0, 2.0, 2.0).save(temp.resolve("second.xlsx"));
        ingestor.ingest(warehouse, List.of(first), COMMUNE, Progress.NONE);

        IngestResult result = ingestor.ingest(warehouse, List.of(second), COMMUNE, Progress.NONE);

        List<BatchManifest> batches = warehouse.batches();
        assertThat(batches).hasSize(2);
        String firstSubmission = batches.get(0).submissions().get(0).submissionId();
        assertThat(result.files().get(0).submissions().get(0).supersedes()).contains(firstSubmission);
        String submissions = "read_parquet('" + warehouse.glob(Warehouse.SUBMISSIONS_FILE) + "')";
        assertThat(DuckDb.query("select supersedes_submission_id from " + submissions + " where batch_sequence = 2")).containsExactly(java.util.Arrays.asList(firstSubmission));
        // both versions stay; the latest submission of a unit, form and department is the current one
        String facts = "read_parquet('" + warehouse.glob(Warehouse.FACTS_FILES) + "')";
        assertThat(DuckDb.count("select count(*) from " + facts)).isEqualTo(10);
        assertThat(DuckDb.query("select sum(f.value) from " + facts + " f join (select unit_code, form, coalesce(agency, '') agency, max(submission_id) latest from "
                + submissions + " group by all) s on f.submission_id = s.latest")).containsExactly(List.of(10.0));
    }

    @Test
    void aRunWhoseFilesAreAllRejectedLeavesTheWarehouseByteForByteUnchanged() throws IOException {
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        ingestor.ingest(warehouse, List.of(OfficeForm.of(catalog, Form.IIA).filled().save(temp.resolve("good.xlsx"))), COMMUNE, Progress.NONE);
        Map<String, String> before = WarehouseSnapshot.of(warehouse.root());
        Path bad = OfficeForm.of(catalog, Form.IIA).filled().values("iia_raids_public", -1.0, 1.0, 1.0, 1.0, 1.0).save(temp.resolve("bad.xlsx"));

        IngestResult result = ingestor.ingest(warehouse, List.of(bad), COMMUNE, Progress.NONE);

        assertThat(result.count(IngestResult.Status.REJECTED)).isEqualTo(1);
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }

    @Test
    void aKilledRunLeavesTheWarehouseAsBeforeOrWithTheWholeBatch() throws Exception {
        Path forms = Files.createDirectories(temp.resolve("forms"));
        // sixty communes of Đồng Nai, each naming itself in a heading: sixty senders, so a rerun finds them all unchanged
        List<String> communes = TestingIngest.communesOf("75", 60);
        for (int index = 0; index < communes.size(); index++) {
            OfficeForm.of(catalog, Form.IIA).heading("Mã đơn vị: " + communes.get(index)).filled()
                    .values("iia_raids_public", (double) index, 1.0, 1.0, 1.0, 1.0).save(forms.resolve(String.format("f%03d.xlsx", index)));
        }
        long[] delaysMillis = {300, 700, 1000, 1300, 1600, 2000, 2500, 3200};
        int leftNothing = 0;
        int leftWholeBatch = 0;
        for (long delay : delaysMillis) {
            // a fresh warehouse each time, so that every run has a whole batch to write when it is killed
            Warehouse warehouse = new Warehouse(temp.resolve("warehouse-" + delay));
            Process process = new ProcessBuilder(javaCommand(warehouse.root(), forms)).redirectErrorStream(true).start();
            Thread.sleep(delay);
            // SIGKILL: no shutdown hook and no finally block runs
            process.destroyForcibly().waitFor();
            assertConsistent(warehouse);
            List<BatchManifest> batches = warehouse.batches();
            assertThat(batches).hasSizeLessThanOrEqualTo(1);
            if (batches.isEmpty()) {
                leftNothing++;
            }
            else {
                assertThat(batches.get(0).submissions()).as("a committed batch is whole").hasSize(60);
                leftWholeBatch++;
            }
            // the next run cleans what the killed one left in staging, and commits
            IngestResult result = ingestor.ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);
            assertThat(Files.exists(warehouse.root().resolve(Warehouse.STAGING))).isFalse();
            assertConsistent(warehouse);
            assertThat(result.count(IngestResult.Status.ACCEPTED) + result.count(IngestResult.Status.UNCHANGED)).isEqualTo(60);
            assertThat(warehouse.batches()).hasSize(1);
        }
        assertThat(leftNothing + leftWholeBatch).isEqualTo(delaysMillis.length);
    }

    private static void assertConsistent(Warehouse warehouse) {
        for (BatchManifest batch : warehouse.batches()) {
            Path directory = warehouse.batchDirectory(batch.batchId()).orElseThrow();
            assertThat(directory.resolve(Warehouse.FACTS_DIRECTORY)).isDirectory();
            assertThat(directory.resolve(Warehouse.SUBMISSIONS_FILE)).exists();
            assertThat(DuckDb.count("select count(*) from read_parquet('" + directory.resolve(Warehouse.FACTS_FILES) + "')")).isEqualTo(batch.factCount());
            // each partition holds the rows of its form and year only
            assertThat(DuckDb.count("select count(*) from read_parquet('" + directory.resolve(Warehouse.FACTS_FILES) + "', filename = true, hive_partitioning = false) "
                    + "where filename not like '%/form=' || form || '/year=' || year || '/%'")).isZero();
            assertThat(DuckDb.count("select count(*) from read_parquet('" + directory.resolve(Warehouse.SUBMISSIONS_FILE) + "')")).isEqualTo(batch.submissions().size());
        }
        if (!warehouse.batches().isEmpty()) {
            // what readers see is exactly the committed batches
            assertThat(DuckDb.count("select count(*) from read_parquet('" + warehouse.glob(Warehouse.FACTS_FILES) + "')"))
                    .isEqualTo(warehouse.batches().stream().mapToLong(BatchManifest::factCount).sum());
        }
    }

    private static List<String> javaCommand(Path warehouse, Path forms) {
        return OwnJvm.command(List.of("-Dpcmd.home=" + System.getProperty("pcmd.home")), IngestProcess.class.getName(), List.of(warehouse.toString(), forms.toString()));
    }
}
