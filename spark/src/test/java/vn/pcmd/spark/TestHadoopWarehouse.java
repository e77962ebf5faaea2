package vn.pcmd.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warehouse through Hadoop's file system API, on {@code file:} as the tests can reach it. */
class TestHadoopWarehouse {
    @TempDir
    Path temp;

    @Test
    void findsTheCommittedBatchesFilesAsOneGlob() throws IOException {
        HadoopWarehouse warehouse = new HadoopWarehouse(temp.toUri().toString(), new Configuration());
        assertThat(warehouse.exists()).isFalse();
        assertThat(warehouse.batchFiles(Warehouse.FACTS_FILES)).isEmpty();

        Path partition = temp.resolve("batches/000001-20261122T000000Z/facts/form=IIA/year=2021");
        Files.createDirectories(partition);
        Files.writeString(partition.resolve("part-0.parquet"), "x");
        // a batch being written is under _staging, never under batches/
        Path staged = temp.resolve("_staging/000002-20261122T000001Z/facts/form=IIA/year=2021");
        Files.createDirectories(staged);
        Files.writeString(staged.resolve("part-0.parquet"), "x");

        assertThat(warehouse.exists()).isTrue();
        assertThat(warehouse.batchFiles(Warehouse.FACTS_FILES)).contains("file:" + temp + "/batches/*/facts/form=*/year=*/*.parquet");
        assertThat(warehouse.batchFiles("issues.parquet")).isEmpty();
    }

    @Test
    void aLocalPathIsQualifiedAsAFileUri() {
        HadoopWarehouse warehouse = new HadoopWarehouse(temp.toString(), new Configuration());

        assertThat(warehouse.root()).isEqualTo("file:" + temp);
        assertThat(warehouse.martFile("rollup", Vintage.V2025)).isEqualTo("file:" + temp + "/marts/rollup/vintage=2025.parquet");
    }

    @Test
    void aMartIsStagedBesideItsPlaceAndReplacesThePreviousOneWhole() throws IOException {
        HadoopWarehouse warehouse = new HadoopWarehouse(temp.toUri().toString(), new Configuration());
        Path mart = temp.resolve("marts/rollup/vintage=2024.parquet");
        Files.createDirectories(mart.getParent());
        Files.writeString(mart, "previous");

        String staged = warehouse.stageMart("rollup", Vintage.V2024);
        assertThat(staged).isEqualTo("file:" + mart + ".tmp");
        Files.writeString(Path.of(staged.substring("file:".length())), "new");
        // until the commit, readers (who read marts/<job>/*.parquet) still see the previous mart
        assertThat(Files.readString(mart)).isEqualTo("previous");

        warehouse.commitMart("rollup", Vintage.V2024);

        assertThat(Files.readString(mart)).isEqualTo("new");
        try (Stream<Path> files = Files.list(mart.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("vintage=2024.parquet");
        }
    }

    @Test
    void stagingRemovesWhatAnInterruptedRunLeft() throws IOException {
        HadoopWarehouse warehouse = new HadoopWarehouse(temp.toUri().toString(), new Configuration());
        Path leftOver = Files.createDirectories(temp.resolve("marts/trends")).resolve("vintage=2025.parquet.tmp");
        Files.writeString(leftOver, "half a file");

        warehouse.stageMart("trends", Vintage.V2025);

        assertThat(leftOver).doesNotExist();
    }

    @Test
    void aWarehouseOnAFileSystemHadoopDoesNotKnowIsRefusedWithItsName() {
        assertThatThrownBy(() -> new HadoopWarehouse("nosuchfs://bucket/warehouse", new Configuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot open warehouse nosuchfs://bucket/warehouse: ");
    }
}
