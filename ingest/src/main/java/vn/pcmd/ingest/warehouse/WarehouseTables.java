package vn.pcmd.ingest.warehouse;

import vn.pcmd.ingest.warehouse.ParquetTable.Column;

import java.util.List;
import java.util.Set;

import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.DATE;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.DOUBLE;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.INT;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.STRING;
import static vn.pcmd.ingest.warehouse.ParquetTable.ColumnType.TIMESTAMP;

/** The tables each batch writes; their columns are documented in docs/warehouse.md. */
public final class WarehouseTables {
    /**
     * Every validated figure with its lineage: submission, source file, sheet and cell. Min/max statistics only where
     * they can skip a file: {@code form} and {@code year}, one value each per partition file. Every other text spans
     * its whole range in every file (the units, indicators and cells of a country), so its min/max would skip
     * nothing, and computing them cost a fifth of writing the facts.
     */
    public static final ParquetTable FACTS = new ParquetTable("facts", List.of(
            new Column("batch_id", STRING, true),
            new Column("submission_id", STRING, true),
            new Column("unit_code", STRING, true),
            new Column("unit_level", STRING, true),
            new Column("province_code", STRING, true),
            new Column("form", STRING, true),
            new Column("agency", STRING, false),
            new Column("indicator_code", STRING, true),
            new Column("year", INT, true),
            new Column("value", DOUBLE, true),
            new Column("period", STRING, true),
            new Column("source_file", STRING, true),
            new Column("sheet", STRING, true),
            new Column("cell", STRING, true)),
            Set.of("form"));

    /**
     * One row per accepted submission: who sent what, from which file, when. One small file per batch, always read
     * whole: min/max only on its numbers, dates and {@code form}, not on texts unique to each row (ids, files, hashes),
     * whose comparisons showed in the writing of a national batch.
     */
    public static final ParquetTable SUBMISSIONS = new ParquetTable("submissions", List.of(
            new Column("submission_id", STRING, true),
            new Column("batch_id", STRING, true),
            new Column("batch_sequence", INT, true),
            new Column("submission_sequence", INT, true),
            new Column("unit_code", STRING, true),
            new Column("unit_name", STRING, true),
            new Column("unit_level", STRING, true),
            new Column("province_code", STRING, true),
            new Column("form", STRING, true),
            new Column("agency", STRING, false),
            new Column("period", STRING, true),
            new Column("years_reported", STRING, true),
            new Column("first_year", INT, true),
            new Column("last_year", INT, true),
            new Column("fact_count", INT, true),
            new Column("warning_count", INT, true),
            new Column("source_file", STRING, true),
            new Column("source_sha256", STRING, true),
            new Column("sheet", STRING, true),
            new Column("submitted_on", DATE, false),
            new Column("received_at", TIMESTAMP, true),
            new Column("supersedes_submission_id", STRING, false)),
            Set.of("form"));

    /** Warnings of accepted files (rejected files leave nothing in the warehouse; see the ingest report). */
    public static final ParquetTable ISSUES = new ParquetTable("issues", List.of(
            new Column("batch_id", STRING, true),
            new Column("submission_id", STRING, true),
            new Column("code", STRING, true),
            new Column("severity", STRING, true),
            new Column("source_file", STRING, true),
            new Column("sheet", STRING, false),
            new Column("cell", STRING, false),
            new Column("indicator_code", STRING, false),
            new Column("year", INT, false),
            new Column("message_vi", STRING, true),
            new Column("message_en", STRING, true)));

    private WarehouseTables() {}
}
