package vn.pcmd.web.chart;

/**
 * One year of a trend.
 *
 * @param value the figure, or null when it was not reported: the line then has a gap there rather than a fall to zero
 * @param partialYear true for a year that is only partly reported (2025: 01/01–30/06), which is drawn apart from whole years
 */
public record TrendPoint(int year, Double value, boolean partialYear) {}
