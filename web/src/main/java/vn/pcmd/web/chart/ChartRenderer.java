package vn.pcmd.web.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Builds the site's charts and renders them as PNG or SVG. Stateless: each call builds its own {@link JFreeChart} (which is
 * mutable and must not be shared between threads), and only immutable fonts and colours are shared, so one instance serves
 * concurrent requests.
 */
public final class ChartRenderer {
    static {
        // before the first AWT class: a server has no display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Long Vietnamese unit names ("Phường Trảng Dài, thành phố Biên Hòa") are cut to this many characters, "…" included. */
    static final int MAXIMUM_UNIT_NAME_LENGTH = 28;
    static final int MINIMUM_SIZE = 100;
    static final int MAXIMUM_SIZE = 4000;

    private static final double RANKING_MAXIMUM_BAR_WIDTH = 0.10;
    private static final double YEAR_MAXIMUM_BAR_WIDTH = 0.12;
    private static final double TARGET_MAXIMUM_BAR_WIDTH = 0.12;
    /** Above this many bars a ranking's unit names use a smaller font. */
    private static final int CROWDED_RANKING = 25;
    /** From a bar's end to its value label, in pixels. */
    private static final double BAR_LABEL_OFFSET = 4;
    /** From a point's centre to its value label, in pixels: clear of the marker. */
    private static final double POINT_LABEL_OFFSET = 8;
    private static final String SVG_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** The line over the years; half years hollow and dashed, with a band labelled "6 tháng đầu năm"; null values leave gaps. */
    public JFreeChart trend(TrendChart chart) {
        requireNonNull(chart, "chart is null");
        List<TrendPoint> points = chart.points().stream().sorted(Comparator.comparingInt(TrendPoint::year)).toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        ChartCategory series = new ChartCategory(0, chart.text().title());
        boolean[] partialColumns = new boolean[points.size()];
        List<ChartCategory> partialYears = new ArrayList<>();
        for (int index = 0; index < points.size(); index++) {
            TrendPoint point = points.get(index);
            ChartCategory year = new ChartCategory(index, ChartStyle.yearLabel(point.year(), point.partialYear()));
            dataset.addValue(point.value(), series, year);
            partialColumns[index] = point.partialYear();
            if (point.partialYear()) {
                partialYears.add(year);
            }
        }
        String unit = chart.text().valueAxisLabel();
        PartialYearLineRenderer renderer = new PartialYearLineRenderer(ChartStyle.BLUE, partialColumns);
        ChartStyle.labelsAbove(renderer, unit, POINT_LABEL_OFFSET);

        CategoryPlot plot = new CategoryPlot(dataset, ChartStyle.categoryAxis(), valueAxis(points.stream().map(TrendPoint::value)),
                renderer);
        ChartStyle.stylePlot(plot);
        if (points.stream().allMatch(point -> point.value() == null)) {
            ChartStyle.showNothingToDraw(plot);
        }
        else {
            partialYears.forEach(year -> plot.addDomainMarker(ChartStyle.partialYearBand(year), Layer.BACKGROUND));
        }
        return ChartStyle.chart(chart.text(), plot, false);
    }

    /**
     * Horizontal bars from the top in the order given, unit names shortened with "…", the value at the end of each bar, the
     * highlighted unit in orange with its name in bold.
     */
    public JFreeChart ranking(RankingChart chart) {
        requireNonNull(chart, "chart is null");
        List<RankedUnit> units = chart.units();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        ChartCategory series = new ChartCategory(0, chart.text().title());
        List<Color> colours = new ArrayList<>(units.size());
        CategoryAxis unitAxis = ChartStyle.categoryAxis();
        unitAxis.setMaximumCategoryLabelLines(1);
        unitAxis.setCategoryMargin(0.3);
        unitAxis.setLowerMargin(0.01);
        unitAxis.setUpperMargin(0.01);
        // the names sit left of the bars; let them take up to 40 % of the width before JFreeChart cuts them
        unitAxis.setCategoryLabelPositions(CategoryLabelPositions.replaceLeftPosition(CategoryLabelPositions.STANDARD,
                new CategoryLabelPosition(RectangleAnchor.RIGHT, TextBlockAnchor.CENTER_RIGHT, CategoryLabelWidthType.RANGE, 0.40f)));
        if (units.size() > CROWDED_RANKING) {
            unitAxis.setTickLabelFont(ChartStyle.SMALL_TICK_LABEL_FONT);
        }
        for (int index = 0; index < units.size(); index++) {
            RankedUnit unit = units.get(index);
            ChartCategory category = new ChartCategory(index, shortenName(unit.unitName()));
            dataset.addValue(unit.value(), series, category);
            boolean highlighted = chart.highlightedUnitCode().filter(unit.unitCode()::equals).isPresent();
            colours.add(highlighted ? ChartStyle.ORANGE : ChartStyle.BLUE);
            if (highlighted) {
                unitAxis.setTickLabelFont(category, ChartStyle.HIGHLIGHTED_TICK_LABEL_FONT);
            }
        }
        String unit = chart.text().valueAxisLabel();
        ColumnColouredBarRenderer renderer = new ColumnColouredBarRenderer(colours);
        ChartStyle.styleBars(renderer, RANKING_MAXIMUM_BAR_WIDTH);
        renderer.setDefaultItemLabelGenerator(ChartStyle.valueLabels(unit));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        renderer.setItemLabelInsets(new RectangleInsets(BAR_LABEL_OFFSET, BAR_LABEL_OFFSET, BAR_LABEL_OFFSET, BAR_LABEL_OFFSET));

        NumberAxis valueAxis = valueAxis(units.stream().map(RankedUnit::value));
        // room for the labels at the bars' ends; render() fits it to the size drawn
        valueAxis.setUpperMargin(0.16);
        if (units.stream().anyMatch(rankedUnit -> rankedUnit.value() < 0)) {
            valueAxis.setLowerMargin(0.16);
        }
        CategoryPlot plot = new CategoryPlot(dataset, unitAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ChartStyle.stylePlot(plot);
        plot.setInsets(new RectangleInsets(4, 0, 0, 8));
        if (units.isEmpty()) {
            ChartStyle.showNothingToDraw(plot);
        }
        return ChartStyle.chart(chart.text(), plot, false);
    }

    /**
     * A height in pixels at which a ranking of this many units keeps its names legible (about 22 pixels a bar plus the title,
     * axis and caption); the caller chooses, this is a starting point.
     */
    public static int suggestedRankingHeight(int unitCount) {
        return Math.min(MAXIMUM_SIZE, 170 + 22 * Math.max(unitCount, 3));
    }

    /** One stacked bar per year, a segment per part in palette order; the totals, if given, as a dark line with values. */
    public JFreeChart breakdown(BreakdownChart chart) {
        requireNonNull(chart, "chart is null");
        List<ChartCategory> years = new ArrayList<>(chart.years().size());
        boolean[] partialColumns = new boolean[chart.years().size()];
        for (int index = 0; index < chart.years().size(); index++) {
            partialColumns[index] = chart.partialYears().get(index);
            years.add(new ChartCategory(index, ChartStyle.yearLabel(chart.years().get(index), partialColumns[index])));
        }
        DefaultCategoryDataset partsDataset = new DefaultCategoryDataset();
        StackedBarRenderer partsRenderer = new StackedBarRenderer();
        ChartStyle.styleBars(partsRenderer, YEAR_MAXIMUM_BAR_WIDTH);
        for (int partIndex = 0; partIndex < chart.parts().size(); partIndex++) {
            BreakdownPart part = chart.parts().get(partIndex);
            ChartCategory series = new ChartCategory(partIndex, part.label());
            for (int yearIndex = 0; yearIndex < years.size(); yearIndex++) {
                partsDataset.addValue(part.values().get(yearIndex), series, years.get(yearIndex));
            }
            partsRenderer.setSeriesPaint(partIndex, ChartStyle.seriesColour(partIndex));
        }
        partsRenderer.setDefaultLegendShape(ChartStyle.legendSquare());

        String unit = chart.text().valueAxisLabel();
        Stream<Double> allValues = Stream.concat(chart.parts().stream().flatMap(part -> part.values().stream()),
                chart.totals().stream().flatMap(Collection::stream));
        CategoryPlot plot = new CategoryPlot(partsDataset, ChartStyle.categoryAxis(), valueAxis(allValues), partsRenderer);
        ChartStyle.stylePlot(plot);
        if (chart.totals().isPresent()) {
            DefaultCategoryDataset totalsDataset = new DefaultCategoryDataset();
            ChartCategory series = new ChartCategory(0, ChartMessages.get("breakdown.total"));
            for (int yearIndex = 0; yearIndex < years.size(); yearIndex++) {
                totalsDataset.addValue(chart.totals().get().get(yearIndex), series, years.get(yearIndex));
            }
            PartialYearLineRenderer totalsRenderer = new PartialYearLineRenderer(ChartStyle.TOTAL, partialColumns);
            ChartStyle.labelsAbove(totalsRenderer, unit, POINT_LABEL_OFFSET);
            plot.setDataset(1, totalsDataset);
            plot.setRenderer(1, totalsRenderer);
            // the line over the bars
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        for (int index = 0; index < years.size(); index++) {
            if (partialColumns[index]) {
                plot.addDomainMarker(ChartStyle.partialYearBand(years.get(index)), Layer.BACKGROUND);
            }
        }
        boolean nothingToDraw = Stream.concat(chart.parts().stream().flatMap(part -> part.values().stream()),
                chart.totals().stream().flatMap(Collection::stream)).allMatch(Objects::isNull);
        if (nothingToDraw) {
            ChartStyle.showNothingToDraw(plot);
            plot.clearDomainMarkers();
        }
        return ChartStyle.chart(chart.text(), plot, !nothingToDraw);
    }

    /**
     * One bar per target coloured by status (đạt: bluish green, không đạt: vermillion, chưa có số liệu: grey), the threshold
     * dashed: one line across the plot when every bar has the same threshold, else a tick across each bar.
     */
    public JFreeChart targets(TargetsChart chart) {
        requireNonNull(chart, "chart is null");
        List<TargetBar> bars = chart.bars();
        String unit = chart.text().valueAxisLabel();
        DefaultCategoryDataset valuesDataset = new DefaultCategoryDataset();
        DefaultCategoryDataset thresholdsDataset = new DefaultCategoryDataset();
        ChartCategory valueSeries = new ChartCategory(0, chart.text().title());
        ChartCategory thresholdSeries = new ChartCategory(1, ChartMessages.get("target.threshold"));
        List<ChartCategory> categories = new ArrayList<>(bars.size());
        List<Color> colours = new ArrayList<>(bars.size());
        for (int index = 0; index < bars.size(); index++) {
            TargetBar bar = bars.get(index);
            ChartCategory category = new ChartCategory(index, bar.label());
            categories.add(category);
            valuesDataset.addValue(bar.value(), valueSeries, category);
            thresholdsDataset.addValue(bar.threshold(), thresholdSeries, category);
            colours.add(statusColour(bar.status()));
        }
        ColumnColouredBarRenderer renderer = new ColumnColouredBarRenderer(colours);
        ChartStyle.styleBars(renderer, TARGET_MAXIMUM_BAR_WIDTH);
        ChartStyle.labelsAbove(renderer, unit, BAR_LABEL_OFFSET);

        NumberAxis valueAxis = valueAxis(bars.stream().flatMap(bar -> Stream.of(bar.value(), bar.threshold())));
        CategoryPlot plot = new CategoryPlot(valuesDataset, ChartStyle.categoryAxis(), valueAxis, renderer);
        ChartStyle.stylePlot(plot);

        List<Double> thresholds = bars.stream().map(TargetBar::threshold).toList();
        boolean anyThreshold = thresholds.stream().anyMatch(Objects::nonNull);
        boolean oneThreshold = anyThreshold && thresholds.stream().allMatch(thresholds.get(0)::equals);
        if (oneThreshold) {
            plot.addRangeMarker(new ValueMarker(thresholds.get(0), ChartStyle.THRESHOLD, ChartStyle.THRESHOLD_LINE), Layer.FOREGROUND);
        }
        // the thresholds' dataset also stretches the value axis to the highest threshold, which a marker alone does not
        plot.setDataset(1, thresholdsDataset);
        plot.setRenderer(1, new ThresholdTickRenderer(TARGET_MAXIMUM_BAR_WIDTH, !oneThreshold));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        for (int index = 0; index < bars.size(); index++) {
            if (bars.get(index).value() == null) {
                plot.addAnnotation(new NoValueNote(categories.get(index), ChartMessages.get("target.noData")));
            }
        }
        if (bars.isEmpty()) {
            ChartStyle.showNothingToDraw(plot);
            return ChartStyle.chart(chart.text(), plot, false);
        }
        Optional<String> thresholdLabel = Optional.empty();
        if (oneThreshold) {
            // the one threshold's value goes in the legend: as a label on the line it would sit on a bar
            thresholdLabel = Optional.of(ChartMessages.get("target.thresholdValue", formatWithUnit(thresholds.get(0), unit)));
        }
        else if (anyThreshold) {
            thresholdLabel = Optional.of(ChartMessages.get("target.threshold"));
        }
        plot.setFixedLegendItems(targetsLegend(thresholdLabel));
        return ChartStyle.chart(chart.text(), plot, true);
    }

    /**
     * Draws one chart of each kind in each format, small, and throws the images away. The first chart in a JVM costs about a
     * second (loading JFreeChart's classes and the fonts) where later ones cost tens of milliseconds; a server calls this once at
     * start so that no reader's request pays it.
     */
    public void warmUp() {
        ChartText text = new ChartText("Khởi động", "Người", "Nguồn: PCMD Warehouse");
        List<JFreeChart> charts = List.of(
                trend(new TrendChart(text, List.of(new TrendPoint(2024, 1.0, false), new TrendPoint(2025, 0.5, true)))),
                ranking(new RankingChart(text, List.of(new RankedUnit("1", "Phường Một", 2), new RankedUnit("2", "Xã Hai", 1)),
                        Optional.of("1"))),
                breakdown(new BreakdownChart(text, List.of(2024, 2025), List.of(false, true),
                        List.of(new BreakdownPart("Nữ", List.of(1.0, 2.0))), Optional.of(List.of(2.0, 3.0)))),
                targets(new TargetsChart(text, List.of(new TargetBar("2024", 1.0, 2.0, TargetStatus.NOT_MET),
                        new TargetBar("2025", null, 1.0, TargetStatus.NO_DATA)))));
        for (JFreeChart chart : charts) {
            for (ImageFormat format : ImageFormat.values()) {
                render(chart, format, 320, 200);
            }
        }
    }

    /**
     * The chart as PNG (8-bit RGB: the ground is white, so no alpha) or SVG (UTF-8, text kept as text so that Vietnamese
     * words stay searchable and selectable). Widens the value axis's margins of a chart built here to fit its value labels at this
     * size, so a chart is best not shared between threads while it renders (JFreeChart's drawing is not thread-safe anyway).
     *
     * @throws IllegalArgumentException if a side is outside {@value #MINIMUM_SIZE}..{@value #MAXIMUM_SIZE} pixels
     */
    public byte[] render(JFreeChart chart, ImageFormat format, int width, int height) {
        requireNonNull(chart, "chart is null");
        requireNonNull(format, "format is null");
        checkSize("width", width);
        checkSize("height", height);
        ChartStyle.makeRoomForValueLabels(chart, width, height);
        return switch (format) {
            case PNG -> png(chart, width, height);
            case SVG -> svg(chart, width, height);
        };
    }

    private static void checkSize(String side, int pixels) {
        if (pixels < MINIMUM_SIZE || pixels > MAXIMUM_SIZE) {
            throw new IllegalArgumentException(
                    "Chart " + side + " must be between " + MINIMUM_SIZE + " and " + MAXIMUM_SIZE + " pixels, got " + pixels);
        }
    }

    /**
     * Not {@code ChartUtils.writeChartAsPNG}: that draws on an ARGB image and encodes through {@code ImageIO.write} on a stream,
     * which by default buffers every image in a temporary file; this draws on RGB and buffers in memory, without touching
     * {@code ImageIO}'s global cache setting.
     */
    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(image);
        }
        catch (IOException e) {
            // a stream in memory does not fail
            throw new UncheckedIOException(e);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // a reader without DejaVu Sans gets a sans-serif of their own, not the browser's default serif; unquoted, because
        // JFreeSVG puts the family as it is into a style attribute quoted with '
        svg.setFontFunction(family -> ChartStyle.FONT_FAMILY.equals(family) ? "DejaVu Sans, Noto Sans, Arial, sans-serif" : family);
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        // not getSVGDocument(): its DOCTYPE names an external DTD, which parsers hardened against XXE refuse or try to fetch
        return (SVG_DECLARATION + svg.getSVGElement()).getBytes(StandardCharsets.UTF_8);
    }

    /** The value axis over these values; whole-number ticks when every value is whole. */
    private static NumberAxis valueAxis(Stream<Double> values) {
        boolean wholeNumbers = values.filter(Objects::nonNull).allMatch(value -> value == Math.rint(value));
        return ChartStyle.valueAxis(wholeNumbers);
    }

    private static String formatWithUnit(double value, String unit) {
        return ChartStyle.isPercent(unit) ? VietnameseNumbers.percent(value) : VietnameseNumbers.format(value);
    }

    private static Color statusColour(TargetStatus status) {
        return switch (status) {
            case MET -> ChartStyle.BLUISH_GREEN;
            case NOT_MET -> ChartStyle.VERMILLION;
            case NO_DATA -> ChartStyle.NO_DATA;
        };
    }

    private static LegendItemCollection targetsLegend(Optional<String> thresholdLabel) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(ChartMessages.get("target.met"), null, null, null, ChartStyle.legendSquare(), ChartStyle.BLUISH_GREEN));
        items.add(new LegendItem(ChartMessages.get("target.notMet"), null, null, null, ChartStyle.legendSquare(), ChartStyle.VERMILLION));
        items.add(new LegendItem(ChartMessages.get("target.noData"), null, null, null, ChartStyle.legendSquare(), ChartStyle.NO_DATA));
        if (thresholdLabel.isPresent()) {
            items.add(new LegendItem(thresholdLabel.get(), null, null, null, false, ChartStyle.legendSquare(), false,
                    ChartStyle.THRESHOLD, false, ChartStyle.THRESHOLD, new BasicStroke(1f), true, new Line2D.Double(-10, 0, 10, 0),
                    ChartStyle.THRESHOLD_LINE, ChartStyle.THRESHOLD));
        }
        return items;
    }

    /**
     * The name in at most {@value #MAXIMUM_UNIT_NAME_LENGTH} characters: whole words and "…" where a space falls late enough,
     * else cut mid-word. NFC first, so a letter and its tone mark count as one character and are never cut apart.
     */
    static String shortenName(String name) {
        String composed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (composed.codePointCount(0, composed.length()) <= MAXIMUM_UNIT_NAME_LENGTH) {
            return composed;
        }
        String head = composed.substring(0, composed.offsetByCodePoints(0, MAXIMUM_UNIT_NAME_LENGTH - 1));
        int space = head.lastIndexOf(' ');
        if (space >= MAXIMUM_UNIT_NAME_LENGTH * 2 / 3) {
            head = head.substring(0, space);
        }
        return head.replaceAll("[\\s,;.:\\-–—]+$", "") + "…";
    }
}
