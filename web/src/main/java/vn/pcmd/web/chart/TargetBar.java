package vn.pcmd.web.chart;

import static java.util.Objects.requireNonNull;

/**
 * One bar of a targets chart.
 *
 * @param label what the bar is, e.g. "2023" or "KH 123 · 2024"
 * @param value the figure reached, or null when not reported
 * @param threshold the figure the target asks for, or null when there is none to draw
 */
public record TargetBar(String label, Double value, Double threshold, TargetStatus status) {
    public TargetBar {
        requireNonNull(label, "label is null");
        requireNonNull(status, "status is null");
    }
}
