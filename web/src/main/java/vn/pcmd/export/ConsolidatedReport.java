package vn.pcmd.export;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.QueryResult;
import vn.pcmd.analytics.jobs.RollupJob;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.form.FilledCell;
import vn.pcmd.ingest.form.FormRow;
import vn.pcmd.ingest.form.FormRows;
import vn.pcmd.ingest.form.FormTemplateWriter;
import vn.pcmd.ingest.form.FormValues;
import vn.pcmd.ingest.form.ReportHeading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static vn.pcmd.export.DatasetExporter.literal;

/**
 * The filled official form (Biểu tổng hợp số liệu) of any unit of a vintage, consolidated from everything below it:
 * the report a level sends up, in seed 004's layout ({@link FormTemplateWriter}), years 2021 … 2025 and Tổng cộng.
 *
 * <ul>
 * <li>Phụ lục IIA: the rollup mart's {@code value} of the unit — the sum of the communes' figures landing at or below
 * it; a district's or province's own consolidated report is not added in. Yes/no rows hold the number of units
 * answering "Có" (a note row under them says so); a commune's own form holds "Có" or "Không" ("Có" when any of the
 * communes merged into it answered "Có").</li>
 * <li>Phụ lục IA, for a province or the nation: every department's section from the rollup mart (section I, which
 * every department fills, summed over them); with one department, that department's figures only, taken from the
 * current figures landing in the unit (the rollup mart sums section I over all departments).</li>
 * </ul>
 * A cell no one reported stays empty, never 0. Reads the tables {@link ExportViews} sets up on the engine.
 */
public final class ConsolidatedReport {
    private static final String NATION_LEVEL = "nation";
    private static final String COMMUNE_LEVEL = "commune";

    private final Catalog catalog;
    private final DuckDbEngine engine;
    private final Path martsDirectory;
    private final FormTemplateWriter writer;

    public ConsolidatedReport(Catalog catalog, DuckDbEngine engine, Path martsDirectory) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.martsDirectory = requireNonNull(martsDirectory, "martsDirectory is null");
        this.writer = new FormTemplateWriter(catalog);
    }

    /** The report written: for whom, and how many rows and cells hold a figure. */
    public record ReportResult(Path file, String unitName, String level, int filledRows, int filledCells) {}

    /** One cell's figures as the rollup mart has them. */
    private record Figure(String indicatorCode, int year, Double value, Double yesCount, Integer answeredCount) {}

    public ReportResult write(ReportRequest request, Path out) throws IOException {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new ExportException(ExportException.Code.REPORT_NOT_XLSX, out);
        }
        Optional<Agency> agency = agency(request);
        Vintage vintage = request.vintage();
        List<Object> unit = engine.query("select name, level from ref_units where vintage = " + literal(vintage.code()) + " and code = "
                + literal(request.unitCode())).rows().stream().findFirst()
                .orElseThrow(() -> new ExportException(ExportException.Code.UNKNOWN_UNIT, request.unitCode(), vintage.code()));
        String unitName = (String) unit.get(0);
        String level = (String) unit.get(1);
        if (request.form() == Form.IA && !level.equals("province") && !level.equals(NATION_LEVEL)) {
            throw new ExportException(ExportException.Code.IA_NEEDS_PROVINCE, request.unitCode(), unitName, ExportMessages.get("level." + level), level);
        }
        List<Figure> figures = agency.isPresent() ? departmentFigures(request, agency.get()) : rolledUp(request);
        List<FormRow> rows = FormRows.of(catalog, request.form(), request.agency());
        FormValues values = new FormValues();
        Set<String> filledRows = new HashSet<>();
        int cells = 0;
        Map<String, Indicator> indicators = rows.stream().flatMap(row -> row.indicator().stream()).collect(Collectors.toMap(Indicator::code, indicator -> indicator));
        boolean commune = level.equals(COMMUNE_LEVEL);
        for (Figure figure : figures) {
            Indicator indicator = indicators.get(figure.indicatorCode());
            if (indicator == null) {
                continue;
            }
            Optional<FilledCell> cell = cell(indicator, figure, commune);
            if (cell.isPresent()) {
                values.put(figure.indicatorCode(), figure.year(), cell.get());
                filledRows.add(figure.indicatorCode());
                cells++;
            }
        }
        if (!commune) {
            lastYesNoRow(rows).ifPresent(code -> values.addRowAfter(code, new FormValues.ExtraRow(ExportMessages.get("report.yesNoNote"), "", Map.of())));
        }
        ReportHeading heading = new ReportHeading(request.form(), request.unitCode(), unitName, request.agency(), vintage.code(),
                unitLine(unitName, agency, request.form()), subtitle(level, vintage, agency, request.form()));
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            writer.writeReport(heading, values, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        return new ReportResult(target, unitName, level, filledRows.size(), cells);
    }

    private Optional<Agency> agency(ReportRequest request) {
        if (request.agency().isEmpty()) {
            return Optional.empty();
        }
        String code = request.agency().get();
        if (request.form() != Form.IA) {
            throw new ExportException(ExportException.Code.AGENCY_ONLY_FOR_IA, code);
        }
        return Optional.of(catalog.agency(code).orElseThrow(() -> new ExportException(ExportException.Code.UNKNOWN_AGENCY, code,
                catalog.agencies().stream().map(Agency::code).collect(Collectors.joining(", ")))));
    }

    /** A cell's content: the figure; for yes/no rows the count of "Có", or a commune's own answer. Empty when nothing was reported. */
    private static Optional<FilledCell> cell(Indicator indicator, Figure figure, boolean commune) {
        if (indicator.valueType() != ValueType.YES_NO) {
            return Optional.ofNullable(figure.value()).map(FilledCell::number);
        }
        if (figure.answeredCount() == null || figure.answeredCount() == 0 || figure.yesCount() == null) {
            return Optional.empty();
        }
        if (commune) {
            return Optional.of(figure.yesCount() > 0 ? FilledCell.text("Có", 1) : FilledCell.text("Không", 0));
        }
        return Optional.of(FilledCell.number(figure.yesCount()));
    }

    private List<Figure> rolledUp(ReportRequest request) {
        Path rollup = DatasetExporter.martFile(martsDirectory, RollupJob.NAME, request.vintage());
        return figures(engine.query("""
                select indicator_code, year, value, yes_count, answered_count
                from read_parquet(%s)
                where unit_code = %s and form = %s
                """.formatted(literal(rollup.toString()), literal(request.unitCode()), literal(request.form().name()))));
    }

    /** One department's current figures landing at or below the unit, summed as the rollup sums them. */
    private List<Figure> departmentFigures(ReportRequest request, Agency agency) {
        return figures(engine.query("""
                select f.indicator_code, f.year, sum(f.value) as value, cast(null as double) as yes_count, cast(null as integer) as answered_count
                from current_facts f
                join ref_unit_map m on m.vintage = %1$s and m.reporter_code = f.unit_code
                join ref_ancestors a on a.vintage = %1$s and a.unit_code = m.target_code
                where a.ancestor_code = %2$s and f.form = 'IA' and f.agency = %3$s
                group by f.indicator_code, f.year
                """.formatted(literal(request.vintage().code()), literal(request.unitCode()), literal(agency.code()))));
    }

    private static List<Figure> figures(QueryResult result) {
        List<Figure> figures = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            figures.add(new Figure((String) row.get(0), ((Number) row.get(1)).intValue(), number(row.get(2)), number(row.get(3)),
                    row.get(4) == null ? null : ((Number) row.get(4)).intValue()));
        }
        return figures;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Optional<String> lastYesNoRow(List<FormRow> rows) {
        String last = null;
        for (FormRow row : rows) {
            if (row.indicator().filter(indicator -> indicator.valueType() == ValueType.YES_NO).isPresent()) {
                last = row.code();
            }
        }
        return Optional.ofNullable(last);
    }

    private static String unitLine(String unitName, Optional<Agency> agency, Form form) {
        if (agency.isPresent()) {
            return ExportMessages.get("report.unitLine.agency", agency.get().nameVi(), unitName);
        }
        return ExportMessages.get(form == Form.IA ? "report.unitLine.agencies" : "report.unitLine.unit", unitName);
    }

    private String subtitle(String level, Vintage vintage, Optional<Agency> agency, Form form) {
        boolean nation = level.equals(NATION_LEVEL);
        String source;
        if (form == Form.IIA) {
            source = ExportMessages.get(level.equals(COMMUNE_LEVEL) ? "report.source.commune" : "report.source.communes");
        }
        else if (agency.isPresent()) {
            source = ExportMessages.get(nation ? "report.source.agencyNation" : "report.source.agency", agency.get().nameVi());
        }
        else {
            source = ExportMessages.get(nation ? "report.source.agenciesNation" : "report.source.agencies");
        }
        List<String> parts = new ArrayList<>(List.of(source, ExportMessages.get("report.vintage." + vintage.code())));
        ProgrammePeriod period = catalog.period();
        period.partialYearTo().ifPresent(to -> parts.add(ExportMessages.get("report.partialYear", Integer.toString(to.getYear()),
                to.format(DateTimeFormatter.ofPattern("d/M/yyyy")))));
        return "(" + String.join("; ", parts) + ")";
    }
}
