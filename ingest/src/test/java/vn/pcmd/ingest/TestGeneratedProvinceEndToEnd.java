package vn.pcmd.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.Progress;
import vn.pcmd.core.data.CsvFile;
import vn.pcmd.core.data.CsvRow;
import vn.pcmd.ingest.generate.SyntheticForms;
import vn.pcmd.ingest.testing.DuckDb;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.testing.WarehouseSnapshot;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generate a province, ingest it, read the Parquet back with DuckDB: the per-year totals equal the sums of the
 * generated cells, and ingesting the same folder again changes no file.
 */
class TestGeneratedProvinceEndToEnd {
    @TempDir
    Path temp;

    @Test
    void perYearTotalsReadByDuckDbEqualTheGeneratedCells() throws IOException {
        Path forms = temp.resolve("forms");
        // Đà Nẵng (48): small, and it has communes abolished before 2025
        TestingIngest.generateProvince("48", forms);
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        Ingestor ingestor = new Ingestor(TestingIngest.catalog(), TestingIngest.units(), XlsxLimits.DEFAULT, 2, Clock.systemUTC());

        IngestResult result = ingestor.ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);

        assertThat(result.count(IngestResult.Status.REJECTED)).isZero();
        Map<String, Double> expected = new TreeMap<>();
        Map<String, Long> expectedCells = new TreeMap<>();
        for (CsvRow row : CsvFile.read(forms.resolve(SyntheticForms.EXPECTED_TOTALS), SyntheticForms.EXPECTED_TOTALS_HEADER)) {
            String key = row.required("form") + "|" + row.required("unit_level") + "|" + row.required("year");
            expected.merge(key, Double.parseDouble(row.required("value")), Double::sum);
            expectedCells.merge(key, Long.parseLong(row.required("cells")), Long::sum);
        }
        Map<String, Double> actual = new TreeMap<>();
        Map<String, Long> actualCells = new TreeMap<>();
        for (List<Object> row : DuckDb.query("select form, unit_level, year, sum(value), count(*) from read_parquet('" + warehouse.glob(Warehouse.FACTS_FILES)
                + "') group by all")) {
            String key = row.get(0) + "|" + row.get(1) + "|" + row.get(2);
            actual.put(key, ((Number) row.get(3)).doubleValue());
            actualCells.put(key, ((Number) row.get(4)).longValue());
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, value) -> assertThat(actual.get(key)).as(key).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, value))));
        assertThat(actualCells).isEqualTo(expectedCells);

        Map<String, String> before = WarehouseSnapshot.of(warehouse.root());
        IngestResult again = ingestor.ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);
        assertThat(again.count(IngestResult.Status.UNCHANGED)).isEqualTo(result.files().size());
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }
}
