package vn.pcmd.web.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One or two Vietnamese sentences saying what a chart shows and its key numbers, for the {@code alt} of its image: what a
 * screen reader reads, and what a reader sees when the image does not load. Numbers as on the chart ("1.234", "45,5 %").
 */
public final class AltText {
    /** A targets chart lists each bar's figures up to this many bars; beyond, only the counts, which a listener can follow. */
    static final int MAXIMUM_LISTED_TARGETS = 6;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private AltText() {}

    /**
     * E.g. "Biểu đồ đường: Số người vi phạm, Đồng Nai, 2021–2025. Cao nhất 1.234 người năm 2022; thấp nhất 980 người năm 2021;
     * năm 2025 chỉ 6 tháng đầu năm: 310 người." The highest and lowest are of whole years only: a half year's lower figure is
     * not a low.
     */
    public static String trend(TrendChart chart) {
        requireNonNull(chart, "chart is null");
        ChartText text = chart.text();
        List<TrendPoint> points = chart.points().stream().sorted(Comparator.comparingInt(TrendPoint::year)).toList();
        if (points.stream().allMatch(point -> point.value() == null)) {
            return ChartMessages.get("alt.noData", text.title());
        }
        String span = points.size() == 1 ? year(points.get(0).year())
                : year(points.get(0).year()) + "–" + year(points.get(points.size() - 1).year());
        List<String> facts = new ArrayList<>();
        List<TrendPoint> wholeYears = points.stream().filter(point -> !point.partialYear() && point.value() != null).toList();
        if (wholeYears.size() == 1) {
            facts.add(ChartMessages.get("alt.trend.only", withUnit(wholeYears.get(0).value(), text), year(wholeYears.get(0).year())));
        }
        else if (!wholeYears.isEmpty()) {
            // the first of equal figures: the earliest year
            TrendPoint highest = wholeYears.stream().max(Comparator.comparingDouble(TrendPoint::value)
                    .thenComparing(TrendPoint::year, Comparator.reverseOrder())).orElseThrow();
            TrendPoint lowest = wholeYears.stream().min(Comparator.comparingDouble(TrendPoint::value)
                    .thenComparingInt(TrendPoint::year)).orElseThrow();
            facts.add(ChartMessages.get("alt.trend.highest", withUnit(highest.value(), text), year(highest.year())));
            if (highest.value().doubleValue() != lowest.value().doubleValue()) {
                facts.add(ChartMessages.get("alt.trend.lowest", withUnit(lowest.value(), text), year(lowest.year())));
            }
        }
        for (TrendPoint point : points) {
            if (point.partialYear() && point.value() != null) {
                facts.add(ChartMessages.get("alt.trend.partial", year(point.year()), withUnit(point.value(), text)));
            }
        }
        List<String> missing = points.stream().filter(point -> point.value() == null).map(point -> year(point.year())).toList();
        if (!missing.isEmpty()) {
            facts.add(ChartMessages.get("alt.trend.missing", String.join(", ", missing)));
        }
        return ChartMessages.get("alt.trend.kind", text.title(), span) + " " + sentence(facts);
    }

    /**
     * E.g. "Biểu đồ thanh ngang: Số vụ vi phạm theo xã, 40 đơn vị. Cao nhất Phường Trảng Dài: 4.321,5 vụ; thấp nhất Xã Đắk Lua:
     * 528,8 vụ; Thị trấn Long Thành đứng thứ 4/40: 4.029,8 vụ." Ranks count from the top of the chart, that is, in the order
     * given.
     */
    public static String ranking(RankingChart chart) {
        requireNonNull(chart, "chart is null");
        ChartText text = chart.text();
        List<RankedUnit> units = chart.units();
        if (units.isEmpty()) {
            return ChartMessages.get("alt.noData", text.title());
        }
        List<String> facts = new ArrayList<>();
        RankedUnit highest = units.stream().max(Comparator.comparingDouble(RankedUnit::value)).orElseThrow();
        RankedUnit lowest = units.stream().min(Comparator.comparingDouble(RankedUnit::value)).orElseThrow();
        facts.add(ChartMessages.get("alt.ranking.highest", highest.unitName(), withUnit(highest.value(), text)));
        if (units.size() > 1) {
            facts.add(ChartMessages.get("alt.ranking.lowest", lowest.unitName(), withUnit(lowest.value(), text)));
        }
        Optional<String> highlighted = chart.highlightedUnitCode();
        for (int index = 0; index < units.size(); index++) {
            RankedUnit unit = units.get(index);
            if (highlighted.filter(unit.unitCode()::equals).isPresent() && unit != highest && unit != lowest) {
                facts.add(ChartMessages.get("alt.ranking.highlighted", unit.unitName(), String.valueOf(index + 1),
                        String.valueOf(units.size()), withUnit(unit.value(), text)));
            }
        }
        return ChartMessages.get("alt.ranking.kind", text.title(), String.valueOf(units.size())) + " " + sentence(facts);
    }

    /**
     * E.g. "Biểu đồ cột chồng: Số người được hỗ trợ, 2021–2025, gồm 3 phần: Tư vấn, hỗ trợ pháp lý; Học nghề; Vay vốn. Năm 2025
     * (6 tháng đầu năm) — Tư vấn, hỗ trợ pháp lý: 430 người; Học nghề: 250 người; Vay vốn: 70 người; tổng số: 800 người." The
     * figures are of the latest year with any.
     */
    public static String breakdown(BreakdownChart chart) {
        requireNonNull(chart, "chart is null");
        ChartText text = chart.text();
        int latest = -1;
        for (int index = chart.years().size() - 1; index >= 0 && latest < 0; index--) {
            if (hasFigure(chart, index)) {
                latest = index;
            }
        }
        if (latest < 0) {
            return ChartMessages.get("alt.noData", text.title());
        }
        List<Integer> years = chart.years();
        String span = years.size() == 1 ? year(years.get(0))
                : year(years.stream().min(Integer::compare).orElseThrow()) + "–" + year(years.stream().max(Integer::compare).orElseThrow());
        // "; " between parts: their labels hold commas ("Tư vấn, hỗ trợ pháp lý")
        String parts = chart.parts().stream().map(BreakdownPart::label).collect(Collectors.joining("; "));
        String kind = chart.parts().isEmpty() ? ChartMessages.get("alt.trend.kind", text.title(), span)
                : ChartMessages.get("alt.breakdown.kind", text.title(), span, String.valueOf(chart.parts().size()), parts);

        int yearIndex = latest;
        List<String> figures = new ArrayList<>();
        for (BreakdownPart part : chart.parts()) {
            Double value = part.values().get(yearIndex);
            figures.add(ChartMessages.get("alt.breakdown.part", part.label(),
                    value == null ? ChartMessages.get("alt.status.noData") : withUnit(value, text)));
        }
        Optional<Double> total = chart.totals().map(totals -> totals.get(yearIndex));
        if (total.isPresent()) {
            figures.add(ChartMessages.get("alt.breakdown.total",
                    total.get() == null ? ChartMessages.get("alt.status.noData") : withUnit(total.get(), text)));
        }
        String partFigures = String.join("; ", figures);
        String yearKey = chart.partialYears().get(yearIndex) ? "alt.breakdown.partialYear" : "alt.breakdown.year";
        return kind + " " + ChartMessages.get(yearKey, year(years.get(yearIndex)), partFigures) + ".";
    }

    /**
     * E.g. "Biểu đồ chỉ tiêu: Tỷ lệ xã có mô hình tuyên truyền; đạt 3/5, không đạt 1/5, chưa có số liệu 1/5. 2021: 72,5 % (ngưỡng
     * 80 %), không đạt; 2022: 81 % (ngưỡng 80 %), đạt; …" Each bar is listed when there are at most
     * {@value #MAXIMUM_LISTED_TARGETS}.
     */
    public static String targets(TargetsChart chart) {
        requireNonNull(chart, "chart is null");
        ChartText text = chart.text();
        List<TargetBar> bars = chart.bars();
        if (bars.isEmpty()) {
            return ChartMessages.get("alt.noData", text.title());
        }
        String summary = ChartMessages.get("alt.targets.kind", text.title(), count(bars, TargetStatus.MET), count(bars, TargetStatus.NOT_MET),
                count(bars, TargetStatus.NO_DATA), String.valueOf(bars.size()));
        if (bars.size() > MAXIMUM_LISTED_TARGETS) {
            return summary;
        }
        List<String> facts = new ArrayList<>();
        for (TargetBar bar : bars) {
            if (bar.value() == null) {
                facts.add(bar.threshold() == null ? ChartMessages.get("alt.targets.noValue", bar.label())
                        : ChartMessages.get("alt.targets.noValueWithThreshold", bar.label(), withUnit(bar.threshold(), text)));
                continue;
            }
            String value = withUnit(bar.value(), text);
            String status = ChartMessages.get(switch (bar.status()) {
                case MET -> "alt.status.met";
                case NOT_MET -> "alt.status.notMet";
                case NO_DATA -> "alt.status.noData";
            });
            facts.add(bar.threshold() == null ? ChartMessages.get("alt.targets.bar", bar.label(), value, status)
                    : ChartMessages.get("alt.targets.barWithThreshold", bar.label(), value, withUnit(bar.threshold(), text), status));
        }
        return summary + " " + sentence(facts);
    }

    private static boolean hasFigure(BreakdownChart chart, int yearIndex) {
        return chart.parts().stream().anyMatch(part -> part.values().get(yearIndex) != null)
                || chart.totals().map(totals -> totals.get(yearIndex) != null).orElse(false);
    }

    private static String count(List<TargetBar> bars, TargetStatus status) {
        return String.valueOf(bars.stream().filter(bar -> bar.status() == status).count());
    }

    /** A year as written, never "2.025". */
    private static String year(int year) {
        return String.valueOf(year);
    }

    /** Facts joined by "; " into one sentence with a capital and a full stop. */
    private static String sentence(List<String> facts) {
        String joined = String.join("; ", facts);
        if (joined.isEmpty()) {
            return "";
        }
        return joined.substring(0, 1).toUpperCase(VIETNAMESE) + joined.substring(1) + ".";
    }

    /** "1.234 người", "45,5 %": the unit as a word in running text, lower case unless it is an abbreviation such as "USD". */
    static String withUnit(double value, ChartText text) {
        String unit = text.valueAxisLabel().strip();
        if (ChartStyle.isPercent(unit)) {
            return VietnameseNumbers.percent(value);
        }
        return unit.isEmpty() ? VietnameseNumbers.format(value) : VietnameseNumbers.format(value) + " " + lowerFirst(unit);
    }

    private static String lowerFirst(String words) {
        if (words.length() < 2 || Character.isUpperCase(words.codePointAt(words.offsetByCodePoints(0, 1)))) {
            return words;
        }
        return words.substring(0, 1).toLowerCase(VIETNAMESE) + words.substring(1);
    }
}
