package vn.pcmd.web.chart;

import org.jfree.chart.renderer.category.LineAndShapeRenderer;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;

/**
 * A line with round markers where a half year stands apart from whole years: its marker is hollow and the segments into and out
 * of it are dashed, so that a half year's lower figure does not read as a fall. A null value leaves a gap (the base renderer
 * draws no segment to or from it).
 */
final class PartialYearLineRenderer extends LineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    private final boolean[] partialColumns;

    PartialYearLineRenderer(Color colour, boolean[] partialColumns) {
        super(true, true);
        this.partialColumns = partialColumns.clone();
        setDefaultPaint(colour);
        setDefaultFillPaint(colour);
        setAutoPopulateSeriesPaint(false);
        setAutoPopulateSeriesFillPaint(false);
        setDefaultStroke(ChartStyle.LINE);
        setAutoPopulateSeriesStroke(false);
        setDefaultOutlineStroke(ChartStyle.MARKER_OUTLINE);
        setAutoPopulateSeriesOutlineStroke(false);
        setDefaultShape(ChartStyle.marker());
        setAutoPopulateSeriesShape(false);
        // every marker is filled: whole years with the line's colour, half years with white inside the line-coloured outline
        setUseFillPaint(true);
        setDrawOutlines(true);
        setUseOutlinePaint(false);
    }

    private boolean isPartial(int column) {
        return column >= 0 && column < partialColumns.length && partialColumns[column];
    }

    /** The stroke of the segment from the previous column to this one. */
    @Override
    public Stroke getItemStroke(int row, int column) {
        return isPartial(column) || isPartial(column - 1) ? ChartStyle.DASHED_LINE : super.getItemStroke(row, column);
    }

    @Override
    public Paint getItemFillPaint(int row, int column) {
        return isPartial(column) ? Color.WHITE : super.getItemFillPaint(row, column);
    }
}
