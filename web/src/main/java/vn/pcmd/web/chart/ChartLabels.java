package vn.pcmd.web.chart;

import java.util.ListResourceBundle;

/**
 * The Vietnamese words the charts draw and the alt texts say. A class-based bundle because this package has no resources
 * folder of its own yet: a {@code vn/pcmd/web/chart/ChartLabels.properties} with the same keys replaces it without a code change.
 * Patterns are {@link java.text.MessageFormat}s; every argument is text already formatted.
 */
public final class ChartLabels extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"noData", "Chưa có số liệu"},
                {"partialYear.category", "{0} (6 tháng)"},
                {"partialYear.band", "6 tháng đầu năm"},
                {"breakdown.total", "Tổng số"},
                {"target.met", "Đạt"},
                {"target.notMet", "Không đạt"},
                {"target.noData", "Chưa có số liệu"},
                {"target.threshold", "Ngưỡng chỉ tiêu"},
                {"target.thresholdValue", "Ngưỡng chỉ tiêu: {0}"},

                {"alt.noData", "{0}: chưa có số liệu."},
                {"alt.trend.kind", "Biểu đồ đường: {0}, {1}."},
                {"alt.trend.highest", "Cao nhất {0} năm {1}"},
                {"alt.trend.lowest", "thấp nhất {0} năm {1}"},
                {"alt.trend.only", "Năm {1}: {0}"},
                {"alt.trend.partial", "năm {0} chỉ 6 tháng đầu năm: {1}"},
                {"alt.trend.missing", "chưa có số liệu năm {0}"},
                {"alt.ranking.kind", "Biểu đồ thanh ngang: {0}, {1} đơn vị."},
                {"alt.ranking.highest", "Cao nhất {0}: {1}"},
                {"alt.ranking.lowest", "thấp nhất {0}: {1}"},
                {"alt.ranking.highlighted", "{0} đứng thứ {1}/{2}: {3}"},
                {"alt.breakdown.kind", "Biểu đồ cột chồng: {0}, {1}, gồm {2} phần: {3}."},
                {"alt.breakdown.year", "Năm {0} — {1}"},
                {"alt.breakdown.partialYear", "Năm {0} (6 tháng đầu năm) — {1}"},
                {"alt.breakdown.part", "{0}: {1}"},
                {"alt.breakdown.total", "tổng số: {0}"},
                {"alt.targets.kind", "Biểu đồ chỉ tiêu: {0}; đạt {1}/{4}, không đạt {2}/{4}, chưa có số liệu {3}/{4}."},
                {"alt.targets.bar", "{0}: {1}, {2}"},
                {"alt.targets.barWithThreshold", "{0}: {1} (ngưỡng {2}), {3}"},
                {"alt.targets.noValue", "{0}: chưa có số liệu"},
                {"alt.targets.noValueWithThreshold", "{0}: chưa có số liệu (ngưỡng {1})"},
                {"alt.status.met", "đạt"},
                {"alt.status.notMet", "không đạt"},
                {"alt.status.noData", "chưa có số liệu"},
        };
    }
}
