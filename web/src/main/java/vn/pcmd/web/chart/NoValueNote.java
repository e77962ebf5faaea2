package vn.pcmd.web.chart;

import org.jfree.chart.annotations.AbstractAnnotation;
import org.jfree.chart.annotations.CategoryAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

import static java.util.Objects.requireNonNull;

/**
 * "Chưa có số liệu" where a vertical bar would be, just above the axis: level when it fits the bar's slot, upright otherwise.
 * Not a {@link org.jfree.chart.annotations.CategoryTextAnnotation}: JFreeChart draws rotated text as outlines, which in SVG
 * are shapes a reader can neither search nor select; this draws it as text in a rotated frame.
 */
final class NoValueNote extends AbstractAnnotation implements CategoryAnnotation {
    private static final long serialVersionUID = 1L;
    /** Between the axis and the text, in pixels. */
    private static final float GAP = 4;

    private final ChartCategory category;
    private final String text;

    NoValueNote(ChartCategory category, String text) {
        this.category = requireNonNull(category, "category is null");
        this.text = requireNonNull(text, "text is null");
    }

    @Override
    public void draw(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, CategoryAxis domainAxis, ValueAxis rangeAxis) {
        CategoryDataset dataset = plot.getDataset();
        int column = dataset == null ? -1 : dataset.getColumnIndex(category);
        if (column < 0) {
            return;
        }
        double start = domainAxis.getCategoryStart(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
        double end = domainAxis.getCategoryEnd(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
        double middle = (start + end) / 2;
        double base = Math.min(rangeAxis.valueToJava2D(0, dataArea, plot.getRangeAxisEdge()), dataArea.getMaxY());

        g2.setFont(ChartStyle.ITEM_LABEL_FONT);
        g2.setPaint(ChartStyle.SECONDARY_TEXT);
        FontMetrics metrics = g2.getFontMetrics();
        double width = metrics.getStringBounds(text, g2).getWidth();
        if (width <= end - start) {
            g2.drawString(text, (float) (middle - width / 2), (float) (base - GAP - metrics.getDescent()));
            return;
        }
        AffineTransform saved = g2.getTransform();
        g2.translate(middle + (metrics.getAscent() - metrics.getDescent()) / 2.0, base - GAP);
        g2.rotate(-Math.PI / 2);
        g2.drawString(text, 0f, 0f);
        g2.setTransform(saved);
    }
}
