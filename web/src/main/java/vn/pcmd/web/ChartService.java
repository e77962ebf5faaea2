package vn.pcmd.web;

import org.jfree.chart.JFreeChart;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.DerivedIndicator;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.web.chart.AltText;
import vn.pcmd.web.chart.BreakdownChart;
import vn.pcmd.web.chart.BreakdownPart;
import vn.pcmd.web.chart.ChartRenderer;
import vn.pcmd.web.chart.ChartText;
import vn.pcmd.web.chart.ImageFormat;
import vn.pcmd.web.chart.RankedUnit;
import vn.pcmd.web.chart.RankingChart;
import vn.pcmd.web.chart.TargetBar;
import vn.pcmd.web.chart.TargetStatus;
import vn.pcmd.web.chart.TargetsChart;
import vn.pcmd.web.chart.TrendChart;
import vn.pcmd.web.chart.TrendPoint;
import vn.pcmd.web.chart.VietnameseNumbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The data of each chart — what the image draws, the table shown under it and its alt text come from the same
 * rows — and the rendered images, cached per warehouse generation: a new batch or new marts change the generation and
 * the cache starts afresh. Each image carries an ETag so a browser asks again with If-None-Match and gets 304.
 */
public final class ChartService {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 400;
    public static final int RANKING_LIMIT = 40;
    /** About 60 MB of PNGs at most; past it the cache starts afresh rather than grow with every unit of the country. */
    private static final int CACHE_LIMIT = 2000;
    private static final long GENERATION_CHECK_MILLIS = 1000;

    private final SiteData data;
    private final Catalog catalog;
    private final ChartRenderer renderer = new ChartRenderer();
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();
    private volatile String generation = "";
    private volatile long generationCheckedAt;

    public ChartService(SiteData data, Catalog catalog) {
        this.data = requireNonNull(data, "data is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** A chart's data as the page shows it: alt text and the table under the image. */
    public record ChartContent(ChartKind kind, String title, String altText, List<String> header, List<List<String>> rows, Supplier<JFreeChart> chart,
            String emptyNote) {
        ChartContent(ChartKind kind, String title, String altText, List<String> header, List<List<String>> rows, Supplier<JFreeChart> chart) {
            this(kind, title, altText, header, rows, chart, "Chưa có số liệu.");
        }
    }

    public record Rendered(byte[] bytes, String contentType, String etag) {}

    public Rendered image(Vintage vintage, SiteData.Unit unit, Indicator indicator, ChartKind kind, int year, ImageFormat format, Set<String> visible) {
        String currentGeneration = currentGeneration();
        String key = String.join("|", currentGeneration, vintage.code(), unit.code(), indicator.code(), kind.code(), Integer.toString(year), format.name(),
                // the ranking shows peers only to whom may see them
                kind == ChartKind.RANKING ? Boolean.toString(unit.parentCode().map(visible::contains).orElse(false)) : "");
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        return cache.computeIfAbsent(key, ignored -> {
            ChartContent content = content(vintage, unit, indicator, kind, year, visible);
            int height = kind == ChartKind.RANKING ? Math.max(HEIGHT, ChartRenderer.suggestedRankingHeight(content.rows().size())) : HEIGHT;
            byte[] bytes = renderer.render(content.chart().get(), format, WIDTH, height);
            return new Rendered(bytes, format.contentType(), "\"" + sha256(bytes).substring(0, 32) + "\"");
        });
    }

    /** The generation, re-read at most once a second: a request never walks the warehouse more often than that. */
    public String currentGeneration() {
        long now = System.currentTimeMillis();
        if (now - generationCheckedAt > GENERATION_CHECK_MILLIS) {
            String next = data.generation();
            if (!next.equals(generation)) {
                cache.clear();
                generation = next;
            }
            generationCheckedAt = now;
        }
        return generation;
    }

    /** Renders one chart of each kind once, so that the first leader to open a page does not wait for class loading. */
    public void warmUp() {
        renderer.warmUp();
    }

    /** Forgets every rendered chart now (a batch was committed from the site). */
    public void invalidate() {
        cache.clear();
        generationCheckedAt = 0;
    }

    public ChartContent content(Vintage vintage, SiteData.Unit unit, Indicator indicator, ChartKind kind, int year, Set<String> visible) {
        return switch (kind) {
            case TREND -> trend(vintage, unit, indicator);
            case RANKING -> ranking(vintage, unit, indicator, year, visible);
            case BREAKDOWN -> breakdown(vintage, unit, indicator);
            case TARGETS -> targets(vintage, unit, indicator);
        };
    }

    private ChartContent trend(Vintage vintage, SiteData.Unit unit, Indicator indicator) {
        List<SiteData.YearValue> values = data.series(vintage, unit.code(), List.of(indicator.code())).get(indicator.code());
        List<TrendPoint> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int year : catalog.period().years()) {
            Optional<SiteData.YearValue> value = values.stream().filter(row -> row.year() == year).findFirst();
            boolean partial = catalog.period().isPartial(year);
            Double figure = value.map(SiteData.YearValue::value).orElse(null);
            points.add(new TrendPoint(year, figure, partial));
            rows.add(List.of(yearLabel(year), VietnameseNumbers.format(figure), value.map(SiteData.YearValue::yoyPct).map(VietnameseNumbers::percent).orElse("—"),
                    value.map(SiteData.YearValue::annualisedValue).map(VietnameseNumbers::format).orElse("—")));
        }
        TrendChart chart = new TrendChart(text(indicator.displayLabelVi() + " — " + unit.name(), indicator.unitVi(), vintage), points);
        return new ChartContent(ChartKind.TREND, chart.text().title(), AltText.trend(chart),
                List.of("Năm", "Giá trị (" + indicator.unitVi() + ")", "So với năm trước", "Ước cả năm"), rows, () -> renderer.trend(chart));
    }

    private ChartContent ranking(Vintage vintage, SiteData.Unit unit, Indicator indicator, int year, Set<String> visible) {
        // the units below; a unit with none (a commune) is shown among its peers, if the account may see them
        List<SiteData.Ranked> ranked = data.ranking(vintage, unit.code(), indicator.code(), year, RANKING_LIMIT);
        Optional<String> highlighted = Optional.empty();
        if (ranked.isEmpty() && data.children(vintage, unit.code()).isEmpty() && unit.parentCode().map(visible::contains).orElse(false)) {
            ranked = data.ranking(vintage, unit.parentCode().get(), indicator.code(), year, RANKING_LIMIT);
            highlighted = Optional.of(unit.code());
        }
        List<RankedUnit> units = ranked.stream().map(row -> new RankedUnit(row.unitCode(), row.unitName(), row.value())).toList();
        List<List<String>> rows = ranked.stream().map(row -> List.of(Integer.toString(row.rank()), row.unitName(), VietnameseNumbers.format(row.value()),
                row.rank() + "/" + row.peerCount())).toList();
        RankingChart chart = new RankingChart(text(indicator.displayLabelVi() + " — xếp hạng năm " + yearLabel(year), indicator.unitVi(), vintage), units, highlighted);
        return new ChartContent(ChartKind.RANKING, chart.text().title(), AltText.ranking(chart), List.of("Hạng", "Đơn vị", "Giá trị (" + indicator.unitVi() + ")", "Hạng / số đơn vị"),
                rows, () -> renderer.ranking(chart));
    }

    private ChartContent breakdown(Vintage vintage, SiteData.Unit unit, Indicator indicator) {
        List<Indicator> parts = catalog.children(indicator.code());
        List<String> codes = new ArrayList<>();
        codes.add(indicator.code());
        parts.forEach(part -> codes.add(part.code()));
        Map<String, List<SiteData.YearValue>> series = data.series(vintage, unit.code(), codes);
        List<Integer> years = catalog.period().years();
        List<BreakdownPart> breakdownParts = new ArrayList<>();
        for (Indicator part : parts) {
            breakdownParts.add(new BreakdownPart(part.displayLabelVi(), valuesByYear(series.get(part.code()), years)));
        }
        List<Double> totals = valuesByYear(series.get(indicator.code()), years);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Dòng");
        years.forEach(year -> header.add(yearLabel(year)));
        List<String> totalRow = new ArrayList<>();
        totalRow.add(indicator.displayLabelVi() + " (tổng)");
        totals.forEach(value -> totalRow.add(VietnameseNumbers.format(value)));
        rows.add(totalRow);
        for (BreakdownPart part : breakdownParts) {
            List<String> row = new ArrayList<>();
            row.add("Trong đó: " + part.label());
            part.values().forEach(value -> row.add(VietnameseNumbers.format(value)));
            rows.add(row);
        }
        BreakdownChart chart = new BreakdownChart(text(indicator.displayLabelVi() + " — trong đó", indicator.unitVi(), vintage), years,
                years.stream().map(catalog.period()::isPartial).toList(), breakdownParts, parts.isEmpty() ? Optional.empty() : Optional.of(totals));
        return new ChartContent(ChartKind.BREAKDOWN, chart.text().title(), AltText.breakdown(chart), header, parts.isEmpty() ? List.of() : rows,
                () -> renderer.breakdown(chart), parts.isEmpty() ? "Chỉ tiêu này không có dòng \"trong đó\" trên biểu." : "Chưa có số liệu.");
    }

    private ChartContent targets(Vintage vintage, SiteData.Unit unit, Indicator indicator) {
        List<String> derived = data.derivedReading(indicator.code());
        List<SiteData.TargetRow> verdicts = data.targets(vintage, unit.code(), Optional.of(derived)).stream()
                .filter(row -> !row.status().equals("not_measurable") && catalog.period().contains(row.year())).toList();
        long targetCount = verdicts.stream().map(SiteData.TargetRow::targetId).distinct().count();
        List<TargetBar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (SiteData.TargetRow row : verdicts) {
            String label = targetCount == 1 ? yearLabel(row.year()) : row.targetId() + " · " + row.year();
            bars.add(new TargetBar(label, row.judgedValue(), row.threshold(), status(row.status())));
            rows.add(List.of(row.targetId(), row.textVi(), yearLabel(row.year()), VietnameseNumbers.format(row.judgedValue()),
                    (row.comparator() == null ? "" : row.comparator() + " ") + VietnameseNumbers.format(row.threshold()), statusVi(row.status())));
        }
        String unitOfMeasure = derived.stream().findFirst().flatMap(catalog::derivedIndicator).map(DerivedIndicator::unitVi).orElse(indicator.unitVi());
        TargetsChart chart = new TargetsChart(text(indicator.displayLabelVi() + " — chỉ tiêu", unitOfMeasure, vintage), bars);
        return new ChartContent(ChartKind.TARGETS, chart.text().title(), AltText.targets(chart),
                List.of("Chỉ tiêu", "Nội dung", "Năm", "Giá trị so sánh", "Ngưỡng", "Kết quả"), rows, () -> renderer.targets(chart),
                derived.isEmpty() ? "Không có chỉ tiêu kế hoạch nào được đo bằng dòng này của biểu." : "Chưa có số liệu để đánh giá chỉ tiêu ở đơn vị này.");
    }

    static String statusVi(String status) {
        return switch (status) {
            case "met" -> "Đạt";
            case "not_met" -> "Không đạt";
            case "no_data" -> "Chưa có số liệu";
            default -> "Không đo được";
        };
    }

    private static TargetStatus status(String status) {
        return switch (status) {
            case "met" -> TargetStatus.MET;
            case "not_met" -> TargetStatus.NOT_MET;
            default -> TargetStatus.NO_DATA;
        };
    }

    private ChartText text(String title, String unitOfMeasure, Vintage vintage) {
        return new ChartText(title, unitOfMeasure, "Nguồn: PCMD Warehouse, số liệu báo cáo " + catalog.period().firstYear() + "–" + catalog.period().lastYear()
                + ", địa giới " + (vintage == Vintage.V2024 ? "trước 01/7/2025" : "từ 01/7/2025") + partialNote());
    }

    private String partialNote() {
        return catalog.period().partialYear().map(year -> "; năm " + year + ": 6 tháng đầu năm").orElse("");
    }

    String yearLabel(int year) {
        return catalog.period().isPartial(year) ? year + " (6 tháng)" : Integer.toString(year);
    }

    private static List<Double> valuesByYear(List<SiteData.YearValue> values, List<Integer> years) {
        List<Double> aligned = new ArrayList<>();
        for (int year : years) {
            aligned.add(values.stream().filter(row -> row.year() == year).findFirst().map(SiteData.YearValue::value).orElse(null));
        }
        return aligned;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
