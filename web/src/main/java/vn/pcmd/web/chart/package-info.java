/**
 * The leaders' site's charts: a trend over the years, a ranking of units, a breakdown into "of which" rows, figures against
 * targets. The caller (the web server) builds the data records, asks {@link vn.pcmd.web.chart.ChartRenderer} for a chart and
 * renders it, and takes the {@code alt} text from {@link vn.pcmd.web.chart.AltText}:
 *
 * <pre>{@code
 * ChartRenderer charts = new ChartRenderer();   // one for the whole server; call charts.warmUp() at start
 * JFreeChart chart = charts.trend(new TrendChart(new ChartText("Số người bán dâm, Đồng Nai", "Người",
 *         "Nguồn: PCMD Warehouse — số liệu báo cáo 2021–2025; năm 2025: 01/01–30/06"), points));
 * byte[] image = charts.render(chart, ImageFormat.SVG, 800, 450);   // Content-Type: ImageFormat.SVG.contentType()
 * String alt = AltText.trend(trendChart);
 * }</pre>
 *
 * Text is Vietnamese (labels in {@link vn.pcmd.web.chart.ChartLabels}), numbers as Vietnamese write them
 * ({@link vn.pcmd.web.chart.VietnameseNumbers}: "1.234,5"), colours from the Okabe–Ito palette. A chart with nothing to
 * draw says "Chưa có số liệu" rather than failing.
 */
package vn.pcmd.web.chart;
