package vn.pcmd.web.chart;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestAltText {
    @Test
    void trendGivesTheHighAndLowOfWholeYearsAndTheHalfYearApart() {
        assertThat(AltText.trend(TestingCharts.trend())).isEqualTo("Biểu đồ đường: Số người bán dâm, Đồng Nai, 2021–2025. "
                + "Cao nhất 1.234 người năm 2022; thấp nhất 1.045 người năm 2024; năm 2025 chỉ 6 tháng đầu năm: 310 người; "
                + "chưa có số liệu năm 2023.");
    }

    @Test
    void trendOfPercentages() {
        TrendChart chart = new TrendChart(new ChartText("Tỷ lệ tái phạm", "%", TestingCharts.CAPTION),
                List.of(new TrendPoint(2023, 12.25, false), new TrendPoint(2024, 45.5, false)));

        assertThat(AltText.trend(chart)).isEqualTo("Biểu đồ đường: Tỷ lệ tái phạm, 2023–2024. Cao nhất 45,5 % năm 2024; "
                + "thấp nhất 12,3 % năm 2023.");
    }

    @Test
    void rankingNamesTheTopTheBottomAndTheHighlightedUnit() {
        assertThat(AltText.ranking(TestingCharts.ranking(8))).isEqualTo("Biểu đồ thanh ngang: Số vụ vi phạm theo xã, phường, Đồng Nai, "
                + "2024, 8 đơn vị. Cao nhất Phường Trảng Dài, thành phố Biên Hòa: 4.321,5 vụ; thấp nhất Phường Hố Nai: 3.640,8 vụ; "
                + "Thị trấn Long Thành đứng thứ 4/8: 4.029,8 vụ.");
    }

    @Test
    void breakdownGivesTheLatestYearsParts() {
        assertThat(AltText.breakdown(TestingCharts.breakdown())).isEqualTo("Biểu đồ cột chồng: Số người bán dâm được hỗ trợ, toàn quốc, "
                + "2021–2025, gồm 3 phần: Tư vấn, hỗ trợ pháp lý; Học nghề, tạo việc làm; Vay vốn. Năm 2025 (6 tháng đầu năm) — "
                + "Tư vấn, hỗ trợ pháp lý: 430 người; Học nghề, tạo việc làm: 250 người; Vay vốn: 70 người; tổng số: 800 người.");
    }

    @Test
    void targetsCountAndListTheBars() {
        assertThat(AltText.targets(TestingCharts.targetsWithOneThreshold())).isEqualTo("Biểu đồ chỉ tiêu: Tỷ lệ xã, phường có mô hình "
                + "tuyên truyền, Bình Thuận; đạt 3/5, không đạt 1/5, chưa có số liệu 1/5. 2021: 72,5 % (ngưỡng 80 %), không đạt; "
                + "2022: 81 % (ngưỡng 80 %), đạt; 2023: 88,4 % (ngưỡng 80 %), đạt; 2024: chưa có số liệu (ngưỡng 80 %); "
                + "2025: 91,2 % (ngưỡng 80 %), đạt.");
    }

    @Test
    void nothingToDescribe() {
        ChartText text = TestingCharts.emptyText();
        String expected = "Số cơ sở kinh doanh dịch vụ bị xử phạt, Lai Châu: chưa có số liệu.";

        assertThat(AltText.trend(new TrendChart(text, List.of(new TrendPoint(2021, null, false))))).isEqualTo(expected);
        assertThat(AltText.ranking(new RankingChart(text, List.of(), Optional.empty()))).isEqualTo(expected);
        assertThat(AltText.breakdown(new BreakdownChart(text, List.of(), List.of(), List.of(), Optional.empty()))).isEqualTo(expected);
        assertThat(AltText.targets(new TargetsChart(text, List.of()))).isEqualTo(expected);
    }

    @Test
    void unitsReadAsWordsButAbbreviationsStay() {
        assertThat(AltText.withUnit(1234, new ChartText("t", "Lượt người", ""))).isEqualTo("1.234 lượt người");
        assertThat(AltText.withUnit(12.5, new ChartText("t", "USD", ""))).isEqualTo("12,5 USD");
        assertThat(AltText.withUnit(3, new ChartText("t", "", ""))).isEqualTo("3");
    }
}
