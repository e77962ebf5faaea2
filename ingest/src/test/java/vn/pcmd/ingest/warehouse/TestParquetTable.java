package vn.pcmd.ingest.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.ingest.testing.DuckDb;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.DATE;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.DOUBLE;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.INT;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.STRING;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.TIMESTAMP;

/** The columnar writer, read back by DuckDB: every type, nulls, and rows across pages, row groups and dictionaries. */
class TestParquetTable {
    private static final ParquetTable TABLE = new ParquetTable("sample", List.of(
            new ParquetTable.Column("id", INT, true),
            new ParquetTable.Column("unit", STRING, true),
            new ParquetTable.Column("note", STRING, false),
            new ParquetTable.Column("value", DOUBLE, false),
            new ParquetTable.Column("day", DATE, false),
            new ParquetTable.Column("at", TIMESTAMP, true)),
            Set.of("unit"));

    @TempDir
    Path temp;

    @Test
    void rowsCrossingPagesAndRowGroupsReadBackAsWritten() throws IOException {
        Path file = temp.resolve("sample.parquet");
        List<Object[]> written = new ArrayList<>();
        String repeated = "Phường Bến Nghé";
        try (ParquetTable.Writer writer = TABLE.open(file, 3, 7)) {
            for (int id = 0; id < 23; id++) {
                // a repeated object, equal texts in new objects, nulls, -0.0 apart from 0.0, and a run of one figure
                Object[] row = {id, id % 2 == 0 ? repeated : new String("Xã " + (id % 5)), id % 4 == 0 ? null : "ghi chú " + (id % 3),
                        id % 6 == 0 ? null : switch (id % 5) {
                            case 0 -> -0.0;
                            case 1 -> 0.0;
                            case 2 -> 1234.5;
                            default -> 7.0;
                        },
                        id % 3 == 0 ? null : LocalDate.of(2025, 6, 30).minusDays(id % 4), Instant.parse("2026-11-22T10:15:30.123Z").plusSeconds(id / 10)};
                writer.write(row);
                written.add(row);
            }
            assertThat(writer.rows()).isEqualTo(23);
        }

        List<List<Object>> read = DuckDb.query("select id, unit, note, value, day, \"at\" from '" + file + "' order by id");
        assertThat(read).hasSize(written.size());
        for (int index = 0; index < written.size(); index++) {
            Object[] row = written.get(index);
            List<Object> back = read.get(index);
            assertThat(back.get(0)).isEqualTo(row[0]);
            assertThat(back.get(1)).isEqualTo(row[1]);
            assertThat(back.get(2)).isEqualTo(row[2]);
            if (row[3] == null) {
                assertThat(back.get(3)).isNull();
            }
            else {
                assertThat(Double.doubleToRawLongBits((Double) back.get(3))).as("row %d", index).isEqualTo(Double.doubleToRawLongBits((Double) row[3]));
            }
            assertThat(back.get(4)).isEqualTo(row[4]);
            assertThat(((OffsetDateTime) back.get(5)).toInstant()).isEqualTo(row[5]);
        }
        // 7 rows a row group, so 4 of them; each with its own dictionaries
        assertThat(DuckDb.count("select count(distinct row_group_id) from parquet_metadata('" + file + "')")).isEqualTo(4);
        // every column chunk dictionary-encoded (the listing of encodings has no fixed order)
        assertThat(DuckDb.count("select count(*) from parquet_metadata('" + file + "') where encodings not like '%PLAIN_DICTIONARY%'")).isZero();
    }

    @Test
    void aReusedRowWithUnboxedNumbersWritesWhatBoxedRowsWould() throws IOException {
        Path byRow = temp.resolve("by-row.parquet");
        Path byArray = temp.resolve("by-array.parquet");
        ParquetTable.Row row = TABLE.newRow().set(1, "Phường Bến Nghé").set(5, Instant.parse("2026-11-23T00:00:00Z"));
        try (ParquetTable.Writer rows = TABLE.open(byRow, 4, 9); ParquetTable.Writer arrays = TABLE.open(byArray, 4, 9)) {
            for (int id = 0; id < 30; id++) {
                // the same figure twice running, -0.0 beside 0.0, and a boxed figure or a null between unboxed ones
                double figure = switch (id % 6) {
                    case 0, 1 -> 12.0;
                    case 2 -> -0.0;
                    case 3 -> 0.0;
                    default -> id * 1.5;
                };
                row.setInt(0, id).set(2, id % 3 == 0 ? null : "ghi chú " + id).set(4, id % 2 == 0 ? LocalDate.of(2025, 1, 1).plusDays(id) : null);
                if (id % 7 == 5) {
                    row.set(3, id % 2 == 0 ? null : Double.valueOf(figure));
                }
                else {
                    row.setDouble(3, figure);
                }
                rows.write(row);
                Object expectedFigure = id % 7 == 5 && id % 2 == 0 ? null : figure;
                arrays.write(id, "Phường Bến Nghé", id % 3 == 0 ? null : "ghi chú " + id, expectedFigure, id % 2 == 0 ? LocalDate.of(2025, 1, 1).plusDays(id) : null,
                        Instant.parse("2026-11-23T00:00:00Z"));
            }
        }

        String columns = "id, unit, note, value::varchar, sign(value)::varchar || (1 / value)::varchar, day, \"at\"";
        List<List<Object>> fromRows = DuckDb.query("select " + columns + " from '" + byRow + "' order by id");
        assertThat(fromRows).hasSize(30).isEqualTo(DuckDb.query("select " + columns + " from '" + byArray + "' order by id"));
        assertThat(fromRows.get(2).get(4)).asString().contains("-inf");
        assertThat(fromRows.get(3).get(4)).asString().contains("inf").doesNotContain("-inf");
        assertThat(fromRows.get(12).get(3)).isNull();
    }

    @Test
    void aRowRefusesANumberOfAnotherTypeAndAWriterARowOfAnotherTable() throws IOException {
        ParquetTable.Row row = TABLE.newRow();
        assertThatThrownBy(() -> row.setInt(3, 7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> row.setDouble(1, 7.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");

        // the same columns, but another table
        ParquetTable twin = new ParquetTable("twin", TABLE.columns(), Set.of("unit"));
        ParquetTable.Row twinRow = twin.newRow().setInt(0, 1).set(1, "U").set(5, Instant.EPOCH);
        try (ParquetTable.Writer writer = TABLE.open(temp.resolve("sample.parquet"))) {
            assertThatThrownBy(() -> writer.write(twinRow)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another table");
            writer.write(TABLE.newRow().setInt(0, 1).set(1, "U").set(5, Instant.EPOCH));
        }
        assertThat(DuckDb.count("select count(*) from '" + temp.resolve("sample.parquet") + "'")).isEqualTo(1);
    }

    @Test
    void minAndMaxAreWrittenForNumbersDatesAndTheTextsAsked() throws IOException {
        Path file = temp.resolve("sample.parquet");
        try (ParquetTable.Writer writer = TABLE.open(file)) {
            writer.write(2, "B", "z", 5.5, LocalDate.of(2024, 1, 2), Instant.parse("2026-01-01T00:00:00Z"));
            writer.write(1, "C", "a", -1.0, null, Instant.parse("2026-01-01T00:00:00Z"));
            writer.write(3, "A", null, null, LocalDate.of(2021, 12, 31), Instant.parse("2026-01-02T00:00:00Z"));
        }

        assertThat(DuckDb.query("select path_in_schema, stats_min_value, stats_max_value, stats_null_count from parquet_metadata('" + file + "') order by column_id"))
                .containsExactly(
                        Arrays.asList("id", "1", "3", 0L),
                        Arrays.asList("unit", "A", "C", 0L),
                        // no statistics at all on a text not asked for, as parquet-java leaves them when they are turned off
                        Arrays.asList("note", null, null, null),
                        Arrays.asList("value", "-1.0", "5.5", 1L),
                        Arrays.asList("day", "2021-12-31", "2024-01-02", 1L),
                        Arrays.asList("at", "2026-01-01 00:00:00+00", "2026-01-02 00:00:00+00", 0L));
    }

    @Test
    void aDictionaryPastItsBoundStartsANewRowGroup() throws IOException {
        Path file = temp.resolve("sample.parquet");
        // 40 distinct texts of 64 KiB: 2.5 MiB of dictionary, where parquet-java would give a dictionary up at 1 MiB
        try (ParquetTable.Writer writer = TABLE.open(file)) {
            for (int id = 0; id < 40; id++) {
                writer.write(id, "U", String.valueOf((char) ('a' + id % 26)).repeat(65_536) + id, null, null, Instant.EPOCH);
            }
        }

        assertThat(DuckDb.count("select count(distinct row_group_id) from parquet_metadata('" + file + "')")).isEqualTo(3);
        assertThat(DuckDb.query("select count(*), count(distinct note), sum(length(note))::bigint from '" + file + "'"))
                .containsExactly(List.of(40L, 40L, 40L * 65_536 + 10 + 30 * 2));
    }

    @Test
    void aColumnOfNullsOnlyHasNoDictionary() throws IOException {
        Path file = temp.resolve("sample.parquet");
        // the note is null in every row; the figure only in the first page of each row group
        try (ParquetTable.Writer writer = TABLE.open(file, 3, 6)) {
            for (int id = 0; id < 14; id++) {
                writer.write(id, "U", null, id % 6 < 3 ? null : (double) id, null, Instant.EPOCH);
            }
        }

        assertThat(DuckDb.query("select count(*), count(note), count(value), sum(value)::bigint, count(day) from '" + file + "'"))
                .containsExactly(List.of(14L, 0L, 0L + 3 + 3, 3L + 4 + 5 + 9 + 10 + 11, 0L));
        assertThat(DuckDb.query("select id, value from '" + file + "' where id in (2, 3, 12, 13) order by id"))
                .containsExactly(Arrays.asList(2, null), Arrays.asList(3, 3.0), Arrays.asList(12, null), Arrays.asList(13, null));
    }

    @Test
    void manyDistinctFiguresEachKeepTheirOwnId() throws IOException {
        Path file = temp.resolve("sample.parquet");
        // whole numbers (whose Double hash codes collide), halves, and each written twice, apart: 6,000 rows, 3,000 values
        try (ParquetTable.Writer writer = TABLE.open(file, 1_000, 100_000)) {
            for (int round = 0; round < 2; round++) {
                for (int index = 0; index < 3_000; index++) {
                    writer.write(index, "U", null, index % 2 == 0 ? (double) index : index + 0.5, null, Instant.EPOCH);
                }
            }
        }

        assertThat(DuckDb.query("select count(*), count(distinct value), sum(value)::bigint, min(value), max(value) from '" + file + "'"))
                .containsExactly(List.of(6_000L, 3_000L, 2L * (2_999L * 3_000 / 2 + 750), 0.0, 2_999.5));
        assertThat(DuckDb.count("select count(*) from '" + file + "' where value <> (case when id % 2 = 0 then id else id + 0.5 end)")).isZero();
    }

    @Test
    void aRefusedRowLeavesTheOthersWhole() throws IOException {
        Path file = temp.resolve("sample.parquet");
        try (ParquetTable.Writer writer = TABLE.open(file, 2, 100)) {
            writer.write(1, "A", null, 1.0, null, Instant.EPOCH);
            // the unit is required; the id is checked first and is fine, so only a check before any value is kept saves the row's alignment
            assertThatThrownBy(() -> writer.write(2, null, "x", 2.0, null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
            assertThatThrownBy(() -> writer.write(2, "B", "x", 2, null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value").hasMessageContaining("Integer");
            assertThatThrownBy(() -> writer.write(2, "B")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 columns");
            writer.write(3, "C", "y", 3.0, null, Instant.EPOCH);
        }

        assertThat(DuckDb.query("select id, unit, note, value from '" + file + "' order by id"))
                .containsExactly(Arrays.asList(1, "A", null, 1.0), Arrays.asList(3, "C", "y", 3.0));
    }

    @Test
    void aWriterWithNoRowsLeavesAnEmptyTable() throws IOException {
        Path file = temp.resolve("sample.parquet");
        TABLE.open(file).close();

        assertThat(DuckDb.count("select count(*) from '" + file + "'")).isZero();
        assertThat(DuckDb.query("select name from parquet_schema('" + file + "') where name <> 'sample' order by name"))
                .containsExactly(List.of("at"), List.of("day"), List.of("id"), List.of("note"), List.of("unit"), List.of("value"));
    }
}
