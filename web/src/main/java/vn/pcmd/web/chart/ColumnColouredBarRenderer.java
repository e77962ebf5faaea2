package vn.pcmd.web.chart;

import org.jfree.chart.renderer.category.BarRenderer;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;

/** Bars of one series, each in its own colour: the highlighted unit of a ranking, the status of a target. */
final class ColumnColouredBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;

    private final List<Color> columnColours;

    ColumnColouredBarRenderer(List<Color> columnColours) {
        this.columnColours = List.copyOf(columnColours);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        return column < columnColours.size() ? columnColours.get(column) : super.getItemPaint(row, column);
    }
}
