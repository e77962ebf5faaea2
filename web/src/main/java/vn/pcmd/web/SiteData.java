package vn.pcmd.web;

import org.duckdb.DuckDBConnection;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.CompareJob;
import vn.pcmd.analytics.jobs.QualityJob;
import vn.pcmd.analytics.jobs.TargetsJob;
import vn.pcmd.analytics.jobs.TrendsJob;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What the site reads, asked of embedded DuckDB: the unit tables held in memory and the marts read from the
 * warehouse's Parquet as each request asks (a mart rewritten by {@code ./pcmd jobs} is seen by the next request).
 * Every query is a prepared statement with parameters; nothing a request sends is ever put into SQL text. Queries run
 * on a small pool of connections to the one database, so that requests do not queue behind each other.
 */
public final class SiteData implements AutoCloseable {
    private static final int CONNECTIONS = 4;

    private final Warehouse warehouse;
    private final Path marts;
    private final DuckDbEngine engine;
    private final BlockingQueue<Connection> pool;
    /** The units of both vintages, in memory: every request asks for its unit, and a query each time would cost more than the chart it serves. */
    private final Map<String, Unit> units = new java.util.HashMap<>();
    private final Map<String, List<Unit>> children = new java.util.HashMap<>();

    public record Unit(String code, String name, String level, Optional<String> parentCode) {}

    /** One year of an indicator at a unit, as the trends mart has it. */
    public record YearValue(String indicatorCode, int year, Double value, boolean partialYear, String valueSource, Double yoyPct, Double annualisedValue) {}

    public record Ranked(String unitCode, String unitName, double value, int rank, int peerCount) {}

    public record TargetRow(String targetId, String planId, String textVi, String derivedCode, int year, boolean partialYear, Double actual, Double judgedValue,
            String comparator, Double threshold, Double thresholdHigh, String status, Double gap, boolean annualised) {}

    public record QualityRow(String check, String level, String unitCode, String unitName, String form, String agency, String indicatorCode, Integer year,
            Double value, Double expected, Double score, boolean flagged, String reasonVi, String sourceFile, String cell) {}

    public SiteData(Warehouse warehouse, ReferenceTables references) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.marts = JobRunner.martsDirectory(warehouse);
        this.engine = new DuckDbEngine(2);
        engine.load(references.units());
        engine.load(references.ancestors());
        engine.load(references.unitMap());
        engine.load(references.derivedTerms());
        for (Object[] row : references.units().rows()) {
            Unit unit = new Unit((String) row[1], (String) row[2], (String) row[3], Optional.ofNullable((String) row[4]));
            units.put(row[0] + "|" + unit.code(), unit);
            unit.parentCode().ifPresent(parent -> children.computeIfAbsent(row[0] + "|" + parent, ignored -> new ArrayList<>()).add(unit));
        }
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        children.values().forEach(list -> list.sort(java.util.Comparator.comparing(Unit::name, vietnamese).thenComparing(Unit::code)));
        this.pool = new ArrayBlockingQueue<>(CONNECTIONS);
        try {
            DuckDBConnection connection = (DuckDBConnection) engine.connection();
            for (int index = 0; index < CONNECTIONS; index++) {
                pool.add(connection.duplicate());
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB connections: " + e.getMessage(), e);
        }
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public Path martsDirectory() {
        return marts;
    }

    /** The mart's file for a vintage, when {@code ./pcmd jobs} has written it. */
    public Optional<Path> mart(String job, Vintage vintage) {
        Path file = marts.resolve(job).resolve("vintage=" + vintage.code() + ".parquet");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * What changes whenever the figures the site shows change: the last committed batch and the marts' files. Cached
     * charts are valid for one generation.
     */
    public String generation() {
        StringBuilder text = new StringBuilder();
        try {
            Path batches = warehouse.batchesDirectory();
            if (Files.isDirectory(batches)) {
                try (Stream<Path> listing = Files.list(batches)) {
                    listing.map(path -> path.getFileName().toString()).max(String::compareTo).ifPresent(text::append);
                }
            }
            if (Files.isDirectory(marts)) {
                try (Stream<Path> files = Files.walk(marts, 2)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        text.append('|').append(marts.relativize(file)).append('@').append(Files.getLastModifiedTime(file).toMillis());
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + warehouse.root(), e);
        }
        return Integer.toHexString(text.toString().hashCode()) + Integer.toHexString(text.length());
    }

    public Optional<Unit> unit(Vintage vintage, String code) {
        return Optional.ofNullable(units.get(vintage.code() + "|" + code));
    }

    /** The units above, from the nation down, without the unit itself. */
    public List<Unit> ancestors(Vintage vintage, String code) {
        List<Unit> above = new ArrayList<>();
        Optional<Unit> current = unit(vintage, code).flatMap(Unit::parentCode).flatMap(parent -> unit(vintage, parent));
        while (current.isPresent()) {
            above.add(0, current.get());
            current = current.get().parentCode().flatMap(parent -> unit(vintage, parent));
        }
        return above;
    }

    public List<Unit> children(Vintage vintage, String code) {
        return children.getOrDefault(vintage.code() + "|" + code, List.of());
    }

    /**
     * The units of {@code vintage} an account bound to {@code accountUnit} (a unit of {@code accountVintage}) may see:
     * under its own boundaries, the unit and everything below it; under the other boundaries, the units every one of
     * whose reporters lands at or below the account's unit — so that nothing outside it is ever shown, whichever
     * boundaries the page uses.
     */
    public Set<String> visibleUnits(String accountUnit, Vintage accountVintage, Vintage vintage) {
        List<String> codes;
        if (accountVintage == vintage || accountUnit.equals(ReferenceTables.NATION_CODE)) {
            codes = query("select unit_code from ref_ancestors where vintage = ? and ancestor_code = ?", List.of(vintage.code(), accountUnit), row -> row.getString(1));
        }
        else {
            codes = query("""
                    with landing as (
                        select above.ancestor_code as unit_code,
                               bool_and(inside.unit_code is not null) as all_inside
                        from ref_unit_map here
                        join ref_ancestors above on above.vintage = here.vintage and above.unit_code = here.target_code
                        left join ref_unit_map there on there.vintage = ? and there.reporter_code = here.reporter_code
                        left join ref_ancestors inside on inside.vintage = there.vintage and inside.unit_code = there.target_code
                                                      and inside.ancestor_code = ?
                        where here.vintage = ?
                        group by above.ancestor_code)
                    select unit_code from landing where all_inside""", List.of(accountVintage.code(), accountUnit, vintage.code()), row -> row.getString(1));
        }
        return Set.copyOf(new HashSet<>(codes));
    }

    /** The reporting codes of the whole history whose figures land at or below the unit under its boundaries. */
    public Set<String> reportersLandingUnder(String unitCode, Vintage vintage) {
        return Set.copyOf(query("""
                select distinct m.reporter_code from ref_unit_map m
                join ref_ancestors a on a.vintage = m.vintage and a.unit_code = m.target_code
                where m.vintage = ? and a.ancestor_code = ?""", List.of(vintage.code(), unitCode), row -> row.getString(1)));
    }

    /** Each indicator's yearly values at the unit, in the order asked, years ascending. */
    public Map<String, List<YearValue>> series(Vintage vintage, String unitCode, List<String> indicatorCodes) {
        Map<String, List<YearValue>> series = new LinkedHashMap<>();
        indicatorCodes.forEach(code -> series.put(code, new ArrayList<>()));
        Optional<Path> trends = mart(TrendsJob.NAME, vintage);
        if (trends.isEmpty() || indicatorCodes.isEmpty()) {
            return series;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(unitCode);
        parameters.addAll(indicatorCodes);
        List<YearValue> rows = query("select indicator_code, year, value, partial_year, value_source, yoy_pct, annualised_value from read_parquet("
                + literal(trends.get()) + ") where unit_code = ? and indicator_code in (" + placeholders(indicatorCodes.size()) + ") order by indicator_code, year",
                parameters, row -> new YearValue(row.getString(1), row.getInt(2), nullableDouble(row, 3), row.getBoolean(4), row.getString(5),
                        nullableDouble(row, 6), nullableDouble(row, 7)));
        rows.forEach(row -> series.get(row.indicatorCode()).add(row));
        return series;
    }

    /** The units directly below {@code parentCode} ranked on an indicator in a year (compare mart), highest first. */
    public List<Ranked> ranking(Vintage vintage, String parentCode, String indicatorCode, int year, int limit) {
        Optional<Path> compare = mart(CompareJob.NAME, vintage);
        if (compare.isEmpty()) {
            return List.of();
        }
        return query("select unit_code, unit_name, value, rank, peer_count from read_parquet(" + literal(compare.get())
                + ") where measure_kind = 'indicator' and code = ? and period = 'year' and year = ? and parent_code = ? order by rank, unit_code limit ?",
                List.of(indicatorCode, year, parentCode, limit),
                row -> new Ranked(row.getString(1), row.getString(2), row.getDouble(3), row.getInt(4), row.getInt(5)));
    }

    /** The unit's target verdicts; only the targets measured by one of {@code derivedCodes} when given. */
    public List<TargetRow> targets(Vintage vintage, String unitCode, Optional<List<String>> derivedCodes) {
        Optional<Path> targets = mart(TargetsJob.NAME, vintage);
        if (targets.isEmpty() || derivedCodes.map(List::isEmpty).orElse(false)) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(unitCode);
        derivedCodes.ifPresent(parameters::addAll);
        return query("select target_id, plan_id, text_vi, derived_code, year, partial_year, actual, judged_value, comparator, threshold, threshold_high, status, gap,"
                + " annualised from read_parquet(" + literal(targets.get()) + ") where unit_code = ?"
                + derivedCodes.map(codes -> " and derived_code in (" + placeholders(codes.size()) + ")").orElse("")
                + " order by target_id, year", parameters,
                row -> new TargetRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5), row.getBoolean(6), nullableDouble(row, 7),
                        nullableDouble(row, 8), row.getString(9), nullableDouble(row, 10), nullableDouble(row, 11), row.getString(12), nullableDouble(row, 13),
                        row.getBoolean(14)));
    }

    /** The derived indicators that read an indicator (their numerator or denominator names it). */
    public List<String> derivedReading(String indicatorCode) {
        return query("select distinct derived_code from ref_derived_terms where indicator_code = ? order by derived_code", List.of(indicatorCode), row -> row.getString(1));
    }

    /**
     * The quality rows about the unit and everything below it: checks on units by the unit's descendants, checks on
     * senders (timeliness, validation warnings) by the senders whose figures land there.
     */
    public List<QualityRow> quality(Vintage vintage, String unitCode, boolean flaggedOnly, int limit) {
        Optional<Path> quality = mart(QualityJob.NAME, vintage);
        if (quality.isEmpty()) {
            return List.of();
        }
        return query("""
                select "check", level, unit_code, unit_name, form, agency, indicator_code, year, value, expected, score, flagged, reason_vi, source_file, cell
                from read_parquet(%s) q
                where (not ? or flagged)
                  and case when "check" in ('timeliness', 'validation_warning')
                           then unit_code in (select m.reporter_code from ref_unit_map m
                                              join ref_ancestors a on a.vintage = m.vintage and a.unit_code = m.target_code
                                              where m.vintage = ? and a.ancestor_code = ?)
                           else unit_code in (select unit_code from ref_ancestors where vintage = ? and ancestor_code = ?) end
                order by "check", unit_code, form, indicator_code, year
                limit ?""".formatted(literal(quality.get())),
                List.of(flaggedOnly, vintage.code(), unitCode, vintage.code(), unitCode, limit),
                row -> new QualityRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        (Integer) row.getObject(8), nullableDouble(row, 9), nullableDouble(row, 10), nullableDouble(row, 11), row.getBoolean(12), row.getString(13),
                        row.getString(14), row.getString(15)));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> parameters, RowReader<T> reader) {
        Connection connection = borrow();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
        finally {
            pool.add(connection);
        }
    }

    private Connection borrow() {
        try {
            return pool.take();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database connection", e);
        }
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A file path of the server's own, never a request's, as an SQL string literal. */
    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        for (Connection connection : pool) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                // closing: nothing left to do with it
            }
        }
        engine.close();
    }
}
