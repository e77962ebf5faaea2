package vn.pcmd.web.chart;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * A short dashed line across each vertical bar at its own threshold, for targets whose thresholds differ (one line across the
 * whole plot would then be wrong for some bars). As a renderer of the thresholds' dataset, it also makes the value axis reach the
 * highest threshold.
 */
final class ThresholdTickRenderer extends AbstractCategoryItemRenderer {
    private static final long serialVersionUID = 1L;
    /** How far the tick reaches past each side of the bar, in pixels. */
    private static final double OVERHANG = 5;

    private final double maximumBarWidth;
    private final boolean ticksDrawn;

    /**
     * @param maximumBarWidth the bars' {@link org.jfree.chart.renderer.category.BarRenderer#setMaximumBarWidth}
     * @param ticksDrawn false when one line across the plot shows the threshold: the thresholds then only stretch the axis
     */
    ThresholdTickRenderer(double maximumBarWidth, boolean ticksDrawn) {
        this.maximumBarWidth = maximumBarWidth;
        this.ticksDrawn = ticksDrawn;
        setDefaultSeriesVisibleInLegend(false);
        setDefaultPaint(ChartStyle.THRESHOLD);
        setAutoPopulateSeriesPaint(false);
        setDefaultStroke(ChartStyle.THRESHOLD_LINE);
        setAutoPopulateSeriesStroke(false);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
            ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        Number threshold = dataset.getValue(row, column);
        if (threshold == null || !ticksDrawn || !getItemVisible(row, column)) {
            return;
        }
        int columnCount = dataset.getColumnCount();
        double start = domainAxis.getCategoryStart(column, columnCount, dataArea, plot.getDomainAxisEdge());
        double end = domainAxis.getCategoryEnd(column, columnCount, dataArea, plot.getDomainAxisEdge());
        double barHalfWidth = Math.min(end - start, dataArea.getWidth() * maximumBarWidth) / 2;
        double middle = (start + end) / 2;
        double halfWidth = Math.min((end - start) / 2, barHalfWidth + OVERHANG);
        double y = rangeAxis.valueToJava2D(threshold.doubleValue(), dataArea, plot.getRangeAxisEdge());
        g2.setPaint(getItemPaint(row, column));
        g2.setStroke(getItemStroke(row, column));
        g2.draw(new Line2D.Double(middle - halfWidth, y, middle + halfWidth, y));
    }
}
