package vn.pcmd.web;

import vn.pcmd.analytics.jobs.QualityJob;
import vn.pcmd.analytics.jobs.TrendsJob;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.web.chart.VietnameseNumbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** The pages leaders read: a unit's overview, an indicator's page, the data-quality page. Server-rendered, no script. */
final class UnitPages {
    private final SiteData data;
    private final Catalog catalog;
    private final ChartService charts;
    private final List<KeyIndicator> keyIndicators;

    record KeyIndicator(Indicator indicator, boolean chart) {}

    /** What every page of a unit knows: the boundaries, the unit, who asks and what they may see. */
    record UnitRequest(Vintage vintage, SiteData.Unit unit, Viewer viewer, Set<String> visible) {}

    UnitPages(SiteData data, Catalog catalog, ChartService charts, List<KeyIndicator> keyIndicators) {
        this.data = requireNonNull(data, "data is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.charts = requireNonNull(charts, "charts is null");
        this.keyIndicators = List.copyOf(keyIndicators);
    }

    List<String> keyIndicatorCodes() {
        return keyIndicators.stream().map(key -> key.indicator().code()).toList();
    }

    String overview(UnitRequest request) {
        SiteData.Unit unit = request.unit();
        Vintage vintage = request.vintage();
        Html html = new Html();
        heading(html, request, unit.name(), "/units/" + Html.url(unit.code()));
        missingMarts(html, vintage);

        List<Integer> years = catalog.period().years();
        List<String> codes = keyIndicators.stream().map(key -> key.indicator().code()).toList();
        Map<String, List<SiteData.YearValue>> series = data.series(vintage, unit.code(), codes);
        html.raw("<h2>Chỉ tiêu chính</h2><table><caption>").text("Số liệu tổng hợp của " + unit.name() + " và các đơn vị trực thuộc; năm "
                + catalog.period().partialYear().map(String::valueOf).orElse("") + " chỉ gồm 6 tháng đầu năm.").raw("</caption><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th>");
        years.forEach(year -> html.raw("<th class=\"num\">").text(charts.yearLabel(year)).raw("</th>"));
        html.raw("</tr></thead><tbody>");
        for (KeyIndicator key : keyIndicators) {
            Indicator indicator = key.indicator();
            html.raw("<tr><td>").link(indicatorPath(unit.code(), indicator.code(), vintage), indicator.displayLabelVi()).raw("</td><td>").text(indicator.unitVi()).raw("</td>");
            for (int year : years) {
                Double value = series.get(indicator.code()).stream().filter(row -> row.year() == year).findFirst().map(SiteData.YearValue::value).orElse(null);
                html.raw("<td class=\"num\">").text(VietnameseNumbers.format(value)).raw("</td>");
            }
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");

        html.raw("<h2>Xu hướng</h2><div class=\"charts\">");
        for (KeyIndicator key : keyIndicators) {
            if (key.chart()) {
                figure(html, request, key.indicator(), ChartKind.TREND, lastFullYear(), false);
            }
        }
        html.raw("</div>");

        targetsSummary(html, request);
        qualitySummary(html, request);

        List<SiteData.Unit> children = data.children(vintage, unit.code());
        if (!children.isEmpty()) {
            html.raw("<h2>Đơn vị trực thuộc (").text(children.size()).raw(")</h2><ul class=\"children\">");
            for (SiteData.Unit child : children) {
                html.raw("<li>").link("/units/" + Html.url(child.code()) + "?vintage=" + vintage.code(), child.name()).raw("</li>");
            }
            html.raw("</ul>");
        }
        downloads(html, unit.code(), vintage, Optional.empty());

        html.raw("<h2>Tất cả chỉ tiêu</h2>");
        for (Form form : catalog.period().forms()) {
            html.raw("<details><summary>").text(form == Form.IA ? "Phụ lục IA — các sở, ngành cấp tỉnh" : "Phụ lục IIA — cấp xã (và số liệu tổng hợp)")
                    .raw("</summary><ul>");
            for (Indicator indicator : catalog.indicators(form)) {
                html.raw("<li>").link(indicatorPath(unit.code(), indicator.code(), vintage), indicator.displayLabelVi()).raw(" <span class=\"muted\">(")
                        .text(indicator.unitVi()).raw(")</span></li>");
            }
            html.raw("</ul></details>");
        }
        return Layout.page(unit.name(), Optional.of(request.viewer()), html.toString());
    }

    String indicatorPage(UnitRequest request, Indicator indicator, int rankingYear) {
        SiteData.Unit unit = request.unit();
        Vintage vintage = request.vintage();
        Html html = new Html();
        heading(html, request, indicator.displayLabelVi(), indicatorPath(unit.code(), indicator.code(), vintage).replace("?vintage=" + vintage.code(), ""));
        html.raw("<p class=\"muted\">").text(unit.name() + " · " + (indicator.form() == Form.IA ? "Phụ lục IA" : "Phụ lục IIA") + " · Đơn vị tính: " + indicator.unitVi());
        indicator.parentCode().flatMap(catalog::indicator).ifPresent(parent -> html.raw(" · Thuộc: ")
                .link(indicatorPath(unit.code(), parent.code(), vintage), parent.displayLabelVi()));
        html.raw("</p>");
        missingMarts(html, vintage);
        html.raw("<div class=\"charts\">");
        for (ChartKind kind : ChartKind.values()) {
            figure(html, request, indicator, kind, rankingYear, true);
        }
        html.raw("</div>");
        html.raw("<p>Năm xếp hạng: ");
        for (int year : catalog.period().years()) {
            if (year == rankingYear) {
                html.raw("<strong>").text(charts.yearLabel(year)).raw("</strong> ");
            }
            else {
                html.link(indicatorPath(unit.code(), indicator.code(), vintage) + "&year=" + year, charts.yearLabel(year)).raw(" ");
            }
        }
        html.raw("</p>");
        downloads(html, unit.code(), vintage, Optional.of(indicator.code()));
        return Layout.page(indicator.displayLabelVi() + " — " + unit.name(), Optional.of(request.viewer()), html.toString());
    }

    String qualityPage(UnitRequest request) {
        SiteData.Unit unit = request.unit();
        Vintage vintage = request.vintage();
        Html html = new Html();
        heading(html, request, "Chất lượng số liệu — " + unit.name(), "/units/" + Html.url(unit.code()) + "/quality");
        missingMarts(html, vintage);
        int limit = 500;
        List<SiteData.QualityRow> rows = data.quality(vintage, unit.code(), false, 20_000);
        List<SiteData.QualityRow> completeness = rows.stream().filter(row -> row.check().equals("completeness") && row.unitCode().equals(unit.code())).toList();
        html.raw("<h2>Mức đầy đủ của báo cáo</h2>");
        if (completeness.isEmpty()) {
            html.raw("<p class=\"muted\">Mức đầy đủ được tính cho cấp tỉnh và toàn quốc; hãy xem trang của tỉnh.</p>");
        }
        else {
            table(html, List.of("Biểu", "Cấp báo cáo", "Năm", "Đã báo cáo", "Phải báo cáo", "Tỷ lệ", "Ghi chú"), completeness.stream().map(row -> List.of(
                    nullToDash(row.form()), levelVi(row.level()), row.year() == null ? "—" : charts.yearLabel(row.year()), VietnameseNumbers.format(row.value()),
                    VietnameseNumbers.format(row.expected()), row.score() == null ? "—" : VietnameseNumbers.percent(row.score() * 100), nullToDash(row.reasonVi()))).toList());
        }
        section(html, "Báo cáo nộp muộn", rows.stream().filter(row -> row.check().equals("timeliness") && row.flagged()).limit(limit).toList(), true);
        section(html, "Cảnh báo khi kiểm tra biểu mẫu", rows.stream().filter(row -> row.check().equals("validation_warning")).limit(limit).toList(), true);
        section(html, "Số liệu bất thường", rows.stream().filter(row -> row.check().startsWith("outlier")).limit(limit).toList(), false);
        section(html, "Số báo cáo khác số tổng hợp", rows.stream().filter(row -> row.check().equals("reported_vs_rolled_up")).limit(limit).toList(), false);
        downloadLinks(html, "Tải bảng chất lượng", QualityJob.NAME, unit.code(), vintage, Optional.empty());
        return Layout.page("Chất lượng số liệu — " + unit.name(), Optional.of(request.viewer()), html.toString());
    }

    private void section(Html html, String title, List<SiteData.QualityRow> rows, boolean withSource) {
        html.raw("<h2>").text(title).raw(" (").text(rows.size()).raw(")</h2>");
        if (rows.isEmpty()) {
            html.raw("<p class=\"muted\">Không có.</p>");
            return;
        }
        List<String> header = withSource ? List.of("Đơn vị", "Biểu", "Năm", "Lý do", "Tệp", "Ô") : List.of("Đơn vị", "Chỉ tiêu", "Năm", "Lý do");
        table(html, header, rows.stream().map(row -> withSource
                ? List.of(nullToDash(row.unitName()), nullToDash(row.form()), row.year() == null ? "—" : charts.yearLabel(row.year()), nullToDash(row.reasonVi()),
                        fileName(row.sourceFile()), nullToDash(row.cell()))
                : List.of(nullToDash(row.unitName()), row.indicatorCode() == null ? "—" : catalog.indicator(row.indicatorCode()).map(Indicator::displayLabelVi).orElse(row.indicatorCode()),
                        row.year() == null ? "—" : charts.yearLabel(row.year()), nullToDash(row.reasonVi()))).toList());
    }

    private void targetsSummary(Html html, UnitRequest request) {
        List<SiteData.TargetRow> rows = data.targets(request.vintage(), request.unit().code(), Optional.empty()).stream()
                .filter(row -> catalog.period().contains(row.year())).toList();
        html.raw("<h2>Mức đạt chỉ tiêu</h2>");
        if (rows.isEmpty()) {
            html.raw("<p class=\"muted\">Không có chỉ tiêu nào áp dụng cho cấp này.</p>");
            return;
        }
        Map<String, Long> byStatus = new TreeMap<>();
        rows.forEach(row -> byStatus.merge(row.status(), 1L, Long::sum));
        html.raw("<div class=\"tiles\">");
        for (String status : List.of("met", "not_met", "no_data", "not_measurable")) {
            html.raw("<div class=\"tile\"><div class=\"big status-").text(status).raw("\">").text(VietnameseNumbers.format((double) byStatus.getOrDefault(status, 0L)))
                    .raw("</div>").text(ChartService.statusVi(status)).raw(" <span class=\"muted\">(chỉ tiêu × năm)</span></div>");
        }
        html.raw("</div>");
        // each measurable target with its verdict in the last year that has one
        Map<String, SiteData.TargetRow> latest = new LinkedHashMap<>();
        for (SiteData.TargetRow row : rows) {
            if (!row.status().equals("no_data") && !row.status().equals("not_measurable")) {
                latest.put(row.targetId(), row);
            }
        }
        List<List<String>> table = new ArrayList<>();
        for (SiteData.TargetRow row : latest.values()) {
            table.add(List.of(row.targetId(), row.textVi(), charts.yearLabel(row.year()), VietnameseNumbers.format(row.judgedValue()),
                    (row.comparator() == null ? "" : row.comparator() + " ") + VietnameseNumbers.format(row.threshold()), ChartService.statusVi(row.status())));
        }
        if (!table.isEmpty()) {
            table(html, List.of("Chỉ tiêu", "Nội dung", "Năm gần nhất", "Giá trị so sánh", "Ngưỡng", "Kết quả"), table);
        }
        downloadLinks(html, "Tải bảng chỉ tiêu", "targets", request.unit().code(), request.vintage(), Optional.empty());
    }

    private void qualitySummary(Html html, UnitRequest request) {
        List<SiteData.QualityRow> flagged = data.quality(request.vintage(), request.unit().code(), true, 100_000);
        Map<String, Long> byCheck = new TreeMap<>();
        flagged.forEach(row -> byCheck.merge(row.check(), 1L, Long::sum));
        html.raw("<h2>Chất lượng số liệu</h2><div class=\"tiles\">");
        for (Map.Entry<String, String> check : QUALITY_CHECKS.entrySet()) {
            html.raw("<div class=\"tile\"><div class=\"big\">").text(VietnameseNumbers.format((double) byCheck.getOrDefault(check.getKey(), 0L))).raw("</div>")
                    .text(check.getValue()).raw("</div>");
        }
        html.raw("</div><p>").link("/units/" + Html.url(request.unit().code()) + "/quality?vintage=" + request.vintage().code(), "Xem chi tiết chất lượng số liệu").raw("</p>");
    }

    private static final Map<String, String> QUALITY_CHECKS = new LinkedHashMap<>();

    static {
        QUALITY_CHECKS.put("completeness", "Thiếu báo cáo (tỉnh × biểu × năm)");
        QUALITY_CHECKS.put("timeliness", "Báo cáo nộp muộn");
        QUALITY_CHECKS.put("validation_warning", "Cảnh báo khi kiểm tra biểu");
        QUALITY_CHECKS.put("outlier_peers", "Khác biệt lớn so với đơn vị cùng cấp");
        QUALITY_CHECKS.put("outlier_jump", "Tăng, giảm đột biến");
        QUALITY_CHECKS.put("reported_vs_rolled_up", "Số báo cáo khác số tổng hợp");
    }

    private void figure(Html html, UnitRequest request, Indicator indicator, ChartKind kind, int year, boolean titled) {
        ChartService.ChartContent content = charts.content(request.vintage(), request.unit(), indicator, kind, year, request.visible());
        String base = "/charts/" + Html.url(request.unit().code()) + "/" + Html.url(indicator.code()) + "/" + kind.code();
        String query = "?vintage=" + request.vintage().code() + (kind == ChartKind.RANKING ? "&year=" + year : "");
        html.raw("<figure>");
        if (titled) {
            html.raw("<h3>").text(kind.titleVi()).raw("</h3>");
        }
        html.raw("<img src=\"").text(base + ".png" + query).raw("\" alt=\"").text(content.altText()).raw("\" width=\"").text(ChartService.WIDTH).raw("\">");
        html.raw("<figcaption>").text(content.altText()).raw(" · ").link(base + ".png" + query, "PNG").raw(" · ").link(base + ".svg" + query, "SVG");
        if (!titled) {
            html.raw(" · ").link(indicatorPath(request.unit().code(), indicator.code(), request.vintage()), "Chi tiết");
        }
        html.raw("</figcaption>");
        if (content.rows().isEmpty()) {
            html.raw("<p class=\"muted\">").text(content.emptyNote()).raw("</p>");
        }
        else {
            table(html, content.header(), content.rows());
        }
        html.raw("</figure>");
    }

    private void heading(Html html, UnitRequest request, String title, String pathWithoutQuery) {
        SiteData.Unit unit = request.unit();
        Vintage vintage = request.vintage();
        html.raw("<div class=\"breadcrumbs\">");
        for (SiteData.Unit ancestor : data.ancestors(vintage, unit.code())) {
            if (request.visible().contains(ancestor.code())) {
                html.link("/units/" + Html.url(ancestor.code()) + "?vintage=" + vintage.code(), ancestor.name());
            }
            else {
                html.text(ancestor.name());
            }
            html.raw(" › ");
        }
        html.link("/units/" + Html.url(unit.code()) + "?vintage=" + vintage.code(), unit.name()).raw("</div>");
        html.element("h1", title);
        html.raw("<p class=\"muted\">").text(levelVi(unit.level()) + " · mã " + unit.code()).raw("</p>");
        html.raw("<p class=\"vintage-switch\">Địa giới hành chính: ");
        for (Vintage other : Vintage.values()) {
            String label = other == Vintage.V2024 ? "trước 01/7/2025 (có cấp huyện)" : "từ 01/7/2025 (34 tỉnh, thành phố)";
            if (other == vintage) {
                html.raw("<strong>").text(label).raw("</strong>");
            }
            else {
                html.link(pathWithoutQuery + "?vintage=" + other.code(), label);
            }
        }
        html.raw(" · ").link("/units/" + Html.url(unit.code()) + "/quality?vintage=" + vintage.code(), "Chất lượng số liệu").raw("</p>");
    }

    private void missingMarts(Html html, Vintage vintage) {
        if (data.mart(TrendsJob.NAME, vintage).isEmpty()) {
            html.raw("<p class=\"notice\">Chưa có kết quả phân tích cho địa giới này: hãy chạy <code>./pcmd jobs</code> trên kho dữ liệu.</p>");
        }
    }

    private void downloads(Html html, String unitCode, Vintage vintage, Optional<String> indicator) {
        html.raw("<h2>Tải xuống</h2>");
        downloadLinks(html, "Số liệu tổng hợp (rollup)", "rollup", unitCode, vintage, indicator);
        downloadLinks(html, "Xu hướng (trends)", TrendsJob.NAME, unitCode, vintage, indicator);
        downloadLinks(html, "So sánh, xếp hạng (compare)", "compare", unitCode, vintage, indicator);
        html.raw("<p class=\"downloads\">Biểu tổng hợp số liệu chính thức: ");
        html.link("/reports/" + Html.url(unitCode) + "/IIA.xlsx?vintage=" + vintage.code(), "Phụ lục IIA (.xlsx)");
        html.link("/reports/" + Html.url(unitCode) + "/IA.xlsx?vintage=" + vintage.code(), "Phụ lục IA (.xlsx)");
        html.raw("</p>");
    }

    private static void downloadLinks(Html html, String label, String dataset, String unitCode, Vintage vintage, Optional<String> indicator) {
        html.raw("<p class=\"downloads\">").text(label).raw(": ");
        for (String format : List.of("csv", "xlsx", "parquet")) {
            html.link("/exports/" + dataset + "." + format + "?unit=" + Html.url(unitCode) + "&vintage=" + vintage.code()
                    + indicator.map(code -> "&indicator=" + Html.url(code)).orElse(""), format.toUpperCase(java.util.Locale.ROOT));
        }
        html.raw("</p>");
    }

    private static void table(Html html, List<String> header, List<List<String>> rows) {
        html.raw("<table><thead><tr>");
        header.forEach(cell -> html.element("th", cell));
        html.raw("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.raw("<tr>");
            for (String cell : row) {
                boolean number = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-' || cell.equals("—")) && cell.length() < 24;
                html.raw(number ? "<td class=\"num\">" : "<td>").text(cell).raw("</td>");
            }
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");
    }

    static String indicatorPath(String unitCode, String indicatorCode, Vintage vintage) {
        return "/units/" + Html.url(unitCode) + "/indicators/" + Html.url(indicatorCode) + "?vintage=" + vintage.code();
    }

    int lastFullYear() {
        return catalog.period().years().stream().filter(year -> !catalog.period().isPartial(year)).max(Integer::compare).orElse(catalog.period().lastYear());
    }

    static String levelVi(String level) {
        if (level == null) {
            return "—";
        }
        if (level.equals("nation")) {
            return "Toàn quốc";
        }
        return UnitLevel.parse(level).map(UnitLevel::labelVi).orElse(level);
    }

    private static String nullToDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String fileName(String path) {
        if (path == null) {
            return "—";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
