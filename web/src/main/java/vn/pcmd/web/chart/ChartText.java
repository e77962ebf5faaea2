package vn.pcmd.web.chart;

import static java.util.Objects.requireNonNull;

/**
 * The words around a chart, in Vietnamese.
 *
 * @param title what the chart shows, e.g. "Số người bán dâm, Đồng Nai"
 * @param valueAxisLabel the unit of measure of the values, e.g. "Người", "%", "Vụ"; shown on the value axis
 * @param caption the source and the period, e.g. "Nguồn: PCMD Warehouse — số liệu báo cáo 2021–2025; năm 2025: 01/01–30/06";
 *     shown under the chart
 */
public record ChartText(String title, String valueAxisLabel, String caption) {
    public ChartText {
        requireNonNull(title, "title is null");
        requireNonNull(valueAxisLabel, "valueAxisLabel is null");
        requireNonNull(caption, "caption is null");
    }
}
