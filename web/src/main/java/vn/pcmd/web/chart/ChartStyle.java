package vn.pcmd.web.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLabelLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.CategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The look shared by every chart: white ground, DejaVu Sans (it has every Vietnamese letter), the Okabe–Ito palette that
 * colour-blind readers can tell apart, flat bars, light grid lines. Fonts, colours and strokes are immutable, so built once and
 * shared by all threads; everything mutable (axes, plots, renderers) is made per chart.
 */
final class ChartStyle {
    static {
        // before the first AWT class: a server has no display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final Path FONT_DIRECTORY = Path.of("/usr/share/fonts/truetype/dejavu");

    // Okabe & Ito (2008), "Color Universal Design"
    static final Color BLUE = new Color(0x0072B2);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color YELLOW = new Color(0xF0E442);
    /** Series colours in order; black is kept for totals and thresholds. */
    static final List<Color> SERIES_COLOURS = List.of(BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW);

    static final Color TEXT = new Color(0x222222);
    static final Color SECONDARY_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color AXIS_LINE = new Color(0x9E9E9E);
    static final Color NO_DATA = new Color(0xB0B0B0);
    static final Color TOTAL = new Color(0x333333);
    static final Color THRESHOLD = new Color(0x333333);
    /** Behind a half year: dark enough to see on white, light enough that grid lines show through. */
    static final Color PARTIAL_YEAR_BAND = new Color(0, 0, 0, 16);

    static final Font TITLE_FONT;
    static final Font AXIS_LABEL_FONT;
    static final Font TICK_LABEL_FONT;
    static final Font SMALL_TICK_LABEL_FONT;
    static final Font HIGHLIGHTED_TICK_LABEL_FONT;
    static final Font LEGEND_FONT;
    static final Font ITEM_LABEL_FONT;
    static final Font CAPTION_FONT;
    static final Font NO_DATA_FONT;

    static {
        Font regular = loadFont(Font.PLAIN, "DejaVuSans.ttf");
        Font bold = loadFont(Font.BOLD, "DejaVuSans-Bold.ttf");
        TITLE_FONT = bold.deriveFont(Font.BOLD, 16f);
        AXIS_LABEL_FONT = regular.deriveFont(12f);
        TICK_LABEL_FONT = regular.deriveFont(11f);
        SMALL_TICK_LABEL_FONT = regular.deriveFont(10f);
        HIGHLIGHTED_TICK_LABEL_FONT = bold.deriveFont(Font.BOLD, 11f);
        LEGEND_FONT = regular.deriveFont(11f);
        ITEM_LABEL_FONT = regular.deriveFont(10f);
        CAPTION_FONT = regular.deriveFont(10f);
        NO_DATA_FONT = regular.deriveFont(14f);
    }

    static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED_LINE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 5f}, 0f);
    static final Stroke MARKER_OUTLINE = new BasicStroke(2f);
    static final Stroke THRESHOLD_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
    static final Stroke GRID_LINE = new BasicStroke(1f);
    /** How labels are measured for layout: as JFreeChart draws them, anti-aliased with fractional metrics. */
    private static final FontRenderContext LABEL_MEASURE = new FontRenderContext(null, true, true);

    private ChartStyle() {}

    /** A point's marker; a new one each time, since Java2D's shapes are mutable and charts are drawn on many threads. */
    static Shape marker() {
        return new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    }

    /** A legend's colour swatch; new each time, as {@link #marker()}. */
    static Shape legendSquare() {
        return new Rectangle2D.Double(-5, -5, 10, 10);
    }

    /**
     * DejaVu Sans as the system has it (fontconfig), else from Debian's font folder, else the JDK's sans-serif, which may lack
     * Vietnamese letters: that is logged, since the charts would then show boxes.
     */
    private static Font loadFont(int style, String fileName) {
        Font byName = new Font(FONT_FAMILY, style, 1);
        if (FONT_FAMILY.equals(byName.getFamily(Locale.ROOT))) {
            return byName;
        }
        Path file = FONT_DIRECTORY.resolve(fileName);
        if (Files.isReadable(file)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(style);
            }
            catch (FontFormatException | IOException e) {
                log().warn("Cannot read the chart font {}; charts fall back to the JDK's sans-serif", file, e);
            }
        }
        else {
            log().warn("{} is not installed (Debian: fonts-dejavu-core); charts fall back to the JDK's sans-serif, "
                    + "which may not show Vietnamese letters", FONT_FAMILY);
        }
        return new Font(Font.SANS_SERIF, style, 1);
    }

    /**
     * Only on the rare path that warns: a static logger would start the logging system (log4j: seconds on a busy machine) in the
     * first chart's request when nothing else has yet.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ChartStyle.class);
    }

    static boolean isPercent(String unit) {
        return unit.strip().equals("%");
    }

    static Color seriesColour(int index) {
        return SERIES_COLOURS.get(index % SERIES_COLOURS.size());
    }

    /**
     * A chart with the title on top, the legend (if any) under it, the unit of measure at the value axis, the caption (source,
     * period) at the bottom.
     */
    static JFreeChart chart(ChartText text, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(text.title(), TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(12, 12, 8, 18));
        TextTitle title = chart.getTitle();
        title.setPaint(TEXT);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(0, 0, 6, 0));
        if (legend) {
            LegendTitle legendTitle = chart.getLegend();
            legendTitle.setPosition(RectangleEdge.TOP);
            legendTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
            legendTitle.setItemFont(LEGEND_FONT);
            legendTitle.setItemPaint(TEXT);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
            legendTitle.setPadding(new RectangleInsets(0, 0, 6, 0));
        }
        String unit = text.valueAxisLabel().strip();
        if (!unit.isEmpty() && plot.getRangeAxis().isVisible()) {
            if (plot.getOrientation() == PlotOrientation.VERTICAL) {
                // level, just above the top of the value axis, rather than turned along it: easier to read, and JFreeChart
                // draws turned text as outlines, which in SVG a reader can neither search nor select
                chart.addSubtitle(new TextTitle(unit, AXIS_LABEL_FONT, SECONDARY_TEXT, RectangleEdge.TOP, HorizontalAlignment.LEFT,
                        VerticalAlignment.BOTTOM, new RectangleInsets(2, 0, 4, 0)));
            }
            else {
                // a horizontal plot's value axis runs across the top: the unit at its right end, level
                plot.getRangeAxis().setLabel(unit);
                plot.getRangeAxis().setLabelLocation(AxisLabelLocation.HIGH_END);
            }
        }
        if (!text.caption().isBlank()) {
            chart.addSubtitle(new TextTitle(text.caption(), CAPTION_FONT, SECONDARY_TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT,
                    VerticalAlignment.BOTTOM, new RectangleInsets(10, 0, 0, 0)));
        }
        return chart;
    }

    /** White, no frame, light horizontal grid lines only; "Chưa có số liệu" in the middle when nothing is drawn. */
    static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 0, 0, 0));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(GRID_LINE);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(AXIS_LINE);
        plot.setNoDataMessage(ChartMessages.get("noData"));
        plot.setNoDataMessageFont(NO_DATA_FONT);
        plot.setNoDataMessagePaint(SECONDARY_TEXT);
    }

    /**
     * For a chart with nothing to draw: no axes or grid lines around the "Chưa có số liệu" message, which would otherwise sit in
     * an empty frame with a made-up scale of 0 to 1.
     */
    static void showNothingToDraw(CategoryPlot plot) {
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(false);
    }

    static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setTickLabelFont(TICK_LABEL_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarksVisible(false);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        axis.setCategoryMargin(0.25);
        axis.setMaximumCategoryLabelLines(2);
        return axis;
    }

    /**
     * The value axis: whole-number ticks when every value is whole (no "2,5 người"), Vietnamese separators, no axis line (the
     * grid lines carry the scale). Its unit is added by {@link #chart}, which knows where the axis ends up.
     */
    static NumberAxis valueAxis(boolean wholeNumbers) {
        NumberAxis axis = new NumberAxis();
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(SECONDARY_TEXT);
        axis.setTickLabelFont(TICK_LABEL_FONT);
        axis.setTickLabelPaint(SECONDARY_TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setNumberFormatOverride(VietnameseNumberFormat.forAxis());
        if (wholeNumbers) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.18);
        return axis;
    }

    static StandardCategoryItemLabelGenerator valueLabels(String unit) {
        return new StandardCategoryItemLabelGenerator("{2}", VietnameseNumberFormat.forValues(unit));
    }

    /**
     * Widens the value axis's margins so that the value labels beyond the highest (and lowest) bar or point fit inside the plot,
     * which clips them. The margins are shares of the axis; the labels need pixels, so the share depends on the size drawn.
     */
    static void makeRoomForValueLabels(JFreeChart chart, int width, int height) {
        if (!(chart.getPlot() instanceof CategoryPlot plot) || !(plot.getRangeAxis() instanceof NumberAxis axis) || !axis.isAutoRange()) {
            return;
        }
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        double labelExtent = 0;
        boolean anyNegative = false;
        for (int index = 0; index < plot.getDatasetCount(); index++) {
            CategoryDataset dataset = plot.getDataset(index);
            if (dataset == null || !(plot.getRenderer(index) instanceof AbstractCategoryItemRenderer renderer)
                    || !renderer.getDefaultItemLabelsVisible()
                    || renderer.getDefaultItemLabelGenerator() == null) {
                continue;
            }
            for (int row = 0; row < dataset.getRowCount(); row++) {
                for (int column = 0; column < dataset.getColumnCount(); column++) {
                    Number value = dataset.getValue(row, column);
                    if (value == null) {
                        continue;
                    }
                    anyNegative |= value.doubleValue() < 0;
                    double extent = vertical ? ITEM_LABEL_FONT.getLineMetrics("0", LABEL_MEASURE).getHeight()
                            : ITEM_LABEL_FONT.getStringBounds(renderer.getDefaultItemLabelGenerator().generateLabel(dataset, row, column),
                                    LABEL_MEASURE).getWidth();
                    labelExtent = Math.max(labelExtent, extent + renderer.getItemLabelInsets().getTop() + 4);
                }
            }
        }
        if (labelExtent == 0) {
            return;
        }
        // what the title, legend, unit, caption and category labels leave of the chart for the plot, roughly
        double plotExtent = vertical ? height - 160 : width * 0.55;
        double share = Math.min(0.45, labelExtent / Math.max(plotExtent, 1));
        double margin = Math.max(0.05, share / (1 - share));
        axis.setUpperMargin(margin);
        if (anyNegative) {
            axis.setLowerMargin(margin);
        }
    }

    /** Flat bars: no gradient, no shadow, no outline. */
    static void styleBars(BarRenderer renderer, double maximumBarWidth) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(maximumBarWidth);
        renderer.setDefaultItemLabelFont(ITEM_LABEL_FONT);
        renderer.setDefaultItemLabelPaint(TEXT);
    }

    /**
     * Value labels above vertical bars or points (below them for negative values).
     *
     * @param offset the gap to the bar's end or the point's centre, in pixels; a point needs more, to clear its marker
     */
    static void labelsAbove(AbstractCategoryItemRenderer renderer, String unit, double offset) {
        renderer.setDefaultItemLabelGenerator(valueLabels(unit));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ITEM_LABEL_FONT);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
        renderer.setItemLabelInsets(new RectangleInsets(offset, offset, offset, offset));
    }

    /** A light band behind a half year, labelled "6 tháng đầu năm" at its top. */
    static CategoryMarker partialYearBand(ChartCategory year) {
        CategoryMarker band = new CategoryMarker(year, PARTIAL_YEAR_BAND, new BasicStroke(0f));
        band.setDrawAsLine(false);
        band.setLabel(ChartMessages.get("partialYear.band"));
        band.setLabelFont(ITEM_LABEL_FONT);
        band.setLabelPaint(SECONDARY_TEXT);
        band.setLabelAnchor(RectangleAnchor.TOP);
        band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        band.setLabelOffset(new RectangleInsets(2, 0, 0, 0));
        return band;
    }

    /** The axis label of a year: "2025 (6 tháng)" for a half year. */
    static String yearLabel(int year, boolean partialYear) {
        return partialYear ? ChartMessages.get("partialYear.category", String.valueOf(year)) : String.valueOf(year);
    }
}
