package vn.pcmd.export;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.QueryResult;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.Vintage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Exports a summary dataset — a mart, the current figures ({@code facts}) or the accepted submissions — as CSV,
 * XLSX or Parquet, with no row cap and without holding it in memory: CSV and XLSX are written row by row from a
 * streamed JDBC result, Parquet by DuckDB's own {@code COPY (query) TO}. The file appears whole or not at all: it is
 * written beside the target and renamed over it.
 *
 * <p>Filters, under the boundaries of the request's vintage:
 * <ul>
 * <li>a mart: {@code --unit} keeps the unit and every unit below it ({@code ref_ancestors}); {@code --level} its
 * {@code level} column;</li>
 * <li>{@code facts} and {@code submissions}, which hold the codes of the reporting units of their time: {@code --unit}
 * keeps the reporters whose figures land at or below the unit in the vintage ({@code ref_unit_map}, then
 * {@code ref_ancestors}) — exactly the figures the unit's roll-up is made of; {@code --level} the reporter's
 * {@code unit_level}.</li>
 * </ul>
 * Rows keep the order they have on disk (marts as their job wrote them, figures and submissions in the order they
 * were ingested): sorting would make DuckDB hold the whole result before the first row. Reads the tables
 * {@link ExportViews} sets up on the engine.
 */
public final class DatasetExporter {
    public static final String FACTS = "facts";
    public static final String SUBMISSIONS = "submissions";

    private final DuckDbEngine engine;
    private final Path martsDirectory;

    public DatasetExporter(DuckDbEngine engine, Path martsDirectory) {
        this.engine = requireNonNull(engine, "engine is null");
        this.martsDirectory = requireNonNull(martsDirectory, "martsDirectory is null");
    }

    /** Every dataset there is: the warehouse's own two, then one per mart. */
    public static List<String> datasets() {
        return Stream.concat(Stream.of(FACTS, SUBMISSIONS), Jobs.names().stream()).toList();
    }

    /** Checks that a dataset exists, before anything is opened. */
    public static void checkDataset(String dataset) {
        if (!datasets().contains(dataset)) {
            throw new ExportException(ExportException.Code.UNKNOWN_DATASET, dataset, String.join(", ", datasets()));
        }
    }

    /** The rows written and where. */
    public record ExportResult(Path file, long rows) {}

    public ExportResult export(ExportRequest request) throws IOException {
        String select = select(request);
        Path out = request.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path temporary = out.resolveSibling("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            long rows = switch (request.format()) {
                case parquet -> copyToParquet(select, temporary);
                case csv -> {
                    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                        yield stream(select, new CsvTableWriter(stream));
                    }
                }
                case xlsx -> {
                    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                        yield stream(select, new XlsxTableWriter(stream, request.dataset()));
                    }
                }
            };
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ExportResult(out, rows);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The query of a request, after checking that what it names exists. */
    String select(ExportRequest request) {
        String dataset = request.dataset();
        checkDataset(dataset);
        Vintage vintage = request.vintage();
        String source;
        List<String> columns;
        String levelColumn;
        boolean warehouseTable = dataset.equals(FACTS) || dataset.equals(SUBMISSIONS);
        if (warehouseTable) {
            source = dataset.equals(FACTS) ? "current_facts" : SUBMISSIONS;
            columns = columns("select * from " + source);
            levelColumn = "unit_level";
        }
        else {
            Path mart = martFile(martsDirectory, dataset, vintage);
            source = "read_parquet(" + literal(mart.toString()) + ")";
            columns = columns("select * from " + source);
            levelColumn = "level";
        }
        List<String> conditions = new ArrayList<>();
        if (request.unitCode().isPresent()) {
            String unit = request.unitCode().get();
            checkUnit(unit, vintage);
            if (!columns.contains("unit_code")) {
                throw new ExportException(ExportException.Code.NOT_FILTERABLE, dataset, "unit_code", "--unit");
            }
            conditions.add(warehouseTable
                    ? "unit_code in (select m.reporter_code from ref_unit_map m join ref_ancestors a on a.vintage = m.vintage and a.unit_code = m.target_code"
                            + " where m.vintage = " + literal(vintage.code()) + " and a.ancestor_code = " + literal(unit) + ")"
                    : "unit_code in (select unit_code from ref_ancestors where vintage = " + literal(vintage.code()) + " and ancestor_code = " + literal(unit) + ")");
        }
        if (request.level().isPresent()) {
            String level = request.level().get();
            List<String> levels = levels(warehouseTable, vintage);
            if (!levels.contains(level)) {
                throw new ExportException(ExportException.Code.UNKNOWN_LEVEL, level, dataset, String.join(", ", levels));
            }
            if (!columns.contains(levelColumn)) {
                throw new ExportException(ExportException.Code.NOT_FILTERABLE, dataset, levelColumn, "--level");
            }
            conditions.add(levelColumn + " = " + literal(level));
        }
        if (request.indicatorCode().isPresent()) {
            // marts name a catalog row indicator_code; compare names its measure code
            String indicatorColumn = columns.contains("indicator_code") ? "indicator_code" : columns.contains("code") ? "code" : null;
            if (indicatorColumn == null) {
                throw new ExportException(ExportException.Code.NOT_FILTERABLE, dataset, "indicator_code", "indicator");
            }
            conditions.add(indicatorColumn + " = " + literal(request.indicatorCode().get()));
        }
        return "select * from " + source + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    }

    /** A mart's file for a vintage, which {@code ./pcmd jobs} must have written. */
    static Path martFile(Path martsDirectory, String mart, Vintage vintage) {
        Path file = martsDirectory.resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
        if (!Files.isRegularFile(file)) {
            throw new ExportException(ExportException.Code.MART_NOT_COMPUTED, mart, vintage.code(), file);
        }
        return file;
    }

    private void checkUnit(String unit, Vintage vintage) {
        QueryResult found = engine.query("select 1 from ref_units where vintage = " + literal(vintage.code()) + " and code = " + literal(unit));
        if (found.rows().isEmpty()) {
            throw new ExportException(ExportException.Code.UNKNOWN_UNIT, unit, vintage.code());
        }
    }

    /** Levels a filter may name: the reporters' for the warehouse's tables, the vintage's and the nation for marts. */
    private static List<String> levels(boolean warehouseTable, Vintage vintage) {
        if (warehouseTable) {
            return Stream.of(UnitLevel.values()).map(UnitLevel::code).toList();
        }
        return Stream.concat(Stream.of("nation"), vintage.levels().stream().map(UnitLevel::code)).toList();
    }

    private List<String> columns(String select) {
        return engine.query("select * from (" + select + ") limit 0").columns();
    }

    private long copyToParquet(String select, Path file) {
        try (Statement statement = engine.connection().createStatement()) {
            statement.execute("copy (" + select + ") to " + literal(file.toString()) + " (format parquet, compression zstd)");
            try (ResultSet result = statement.getResultSet()) {
                if (result != null && result.next()) {
                    return result.getLong(1);
                }
            }
            return statement.getUpdateCount();
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Streams the query's rows into the writer; DuckDB hands them over chunk by chunk instead of materialising the result. */
    private long stream(String select, TableWriter writer) throws IOException {
        Connection connection = engine.connection();
        try (writer; Statement statement = connection.createStatement()) {
            statement.execute("set jdbc_stream_results = true");
            try (ResultSet result = statement.executeQuery(select)) {
                ResultSetMetaData metadata = result.getMetaData();
                List<ExportColumn> columns = new ArrayList<>();
                for (int column = 1; column <= metadata.getColumnCount(); column++) {
                    columns.add(ExportColumn.of(metadata.getColumnLabel(column), ExportColumn.kind(metadata.getColumnType(column))));
                }
                writer.header(columns);
                Object[] values = new Object[columns.size()];
                long rows = 0;
                while (result.next()) {
                    for (int column = 0; column < values.length; column++) {
                        values[column] = value(result, column + 1, columns.get(column).kind());
                    }
                    writer.row(values);
                    rows++;
                }
                return rows;
            }
            finally {
                statement.execute("set jdbc_stream_results = false");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read the export's rows: " + e.getMessage(), e);
        }
    }

    private static Object value(ResultSet result, int column, ExportColumn.Kind kind) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case NUMBER -> value instanceof Number ? value : Double.valueOf(value.toString());
            case BOOLEAN -> value instanceof Boolean ? value : Boolean.valueOf(value.toString());
            case DATE -> date(value);
            case TIMESTAMP -> timestamp(value);
            case TEXT -> value.toString();
        };
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /** Times in UTC, as the warehouse records them. */
    private static LocalDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toLocalDateTime();
        }
        if (value instanceof LocalDateTime time) {
            return time;
        }
        return LocalDateTime.parse(value.toString());
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
