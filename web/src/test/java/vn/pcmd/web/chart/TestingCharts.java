package vn.pcmd.web.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Charts with realistic Vietnamese data for the tests, and a way to look at them:
 * {@code java -cp ... vn.pcmd.web.chart.TestingCharts /tmp/pcmd-charts} writes each kind as PNG and SVG.
 */
final class TestingCharts {
    static final String CAPTION = "Nguồn: PCMD Warehouse — số liệu báo cáo 2021–2025; năm 2025: 01/01–30/06";

    private TestingCharts() {}

    static TrendChart trend() {
        return new TrendChart(new ChartText("Số người bán dâm, Đồng Nai", "Người", CAPTION), List.of(
                new TrendPoint(2021, 1180.0, false),
                new TrendPoint(2022, 1234.0, false),
                new TrendPoint(2023, null, false),
                new TrendPoint(2024, 1045.0, false),
                new TrendPoint(2025, 310.0, true)));
    }

    static RankingChart ranking(int unitCount) {
        String[] names = {"Phường Trảng Dài, thành phố Biên Hòa", "Xã Phước Thiền", "Phường Long Bình Tân", "Thị trấn Long Thành",
                "Xã Xuân Bắc", "Phường Tân Phong", "Xã Đắk Lua", "Phường Hố Nai", "Xã Hiệp Phước, huyện Nhơn Trạch", "Phường Bửu Long"};
        List<RankedUnit> units = new ArrayList<>();
        for (int index = 0; index < unitCount; index++) {
            String name = names[index % names.length] + (index < names.length ? "" : " " + (index / names.length + 1));
            units.add(new RankedUnit(String.format("%05d", 26000 + index), name, Math.round((4321.5 - index * 97.25) * 10) / 10.0));
        }
        return new RankingChart(new ChartText("Số vụ vi phạm theo xã, phường, Đồng Nai, 2024", "Vụ", CAPTION), units,
                Optional.of(String.format("%05d", 26003)));
    }

    static BreakdownChart breakdown() {
        return new BreakdownChart(new ChartText("Số người bán dâm được hỗ trợ, toàn quốc", "Người", CAPTION),
                List.of(2021, 2022, 2023, 2024, 2025), List.of(false, false, false, false, true),
                List.of(new BreakdownPart("Tư vấn, hỗ trợ pháp lý", Arrays.asList(820.0, 900.0, 1010.0, 980.0, 430.0)),
                        new BreakdownPart("Học nghề, tạo việc làm", Arrays.asList(410.0, 455.0, null, 520.0, 250.0)),
                        new BreakdownPart("Vay vốn", Arrays.asList(120.0, 135.0, 160.0, 150.0, 70.0))),
                Optional.of(Arrays.asList(1500.0, 1620.0, 1700.0, 1780.0, 800.0)));
    }

    static TargetsChart targetsWithOneThreshold() {
        return new TargetsChart(new ChartText("Tỷ lệ xã, phường có mô hình tuyên truyền, Bình Thuận", "%", CAPTION), List.of(
                new TargetBar("2021", 72.5, 80.0, TargetStatus.NOT_MET),
                new TargetBar("2022", 81.0, 80.0, TargetStatus.MET),
                new TargetBar("2023", 88.4, 80.0, TargetStatus.MET),
                new TargetBar("2024", null, 80.0, TargetStatus.NO_DATA),
                new TargetBar("2025", 91.2, 80.0, TargetStatus.MET)));
    }

    static TargetsChart targetsWithThresholdsPerBar() {
        return new TargetsChart(new ChartText("Chỉ tiêu kế hoạch phòng, chống mại dâm", "%", CAPTION), List.of(
                new TargetBar("KH 1643 · 2025", 95.0, 90.0, TargetStatus.MET),
                new TargetBar("KH 123 · 2024", 62.5, 80.0, TargetStatus.NOT_MET),
                new TargetBar("KH 45 · 2022", null, 100.0, TargetStatus.NO_DATA),
                new TargetBar("KH 45 · 2023", 100.0, 100.0, TargetStatus.MET)));
    }

    static ChartText emptyText() {
        return new ChartText("Số cơ sở kinh doanh dịch vụ bị xử phạt, Lai Châu", "Cơ sở", CAPTION);
    }

    public static void main(String[] arguments) throws IOException {
        Path directory = Path.of(arguments.length > 0 ? arguments[0] : "/tmp/pcmd-charts");
        Files.createDirectories(directory);
        ChartRenderer renderer = new ChartRenderer();
        write(renderer, renderer.trend(trend()), directory, "trend", 800, 450);
        write(renderer, renderer.ranking(ranking(40)), directory, "ranking", 800, ChartRenderer.suggestedRankingHeight(40));
        write(renderer, renderer.ranking(ranking(8)), directory, "ranking-8", 800, ChartRenderer.suggestedRankingHeight(8));
        write(renderer, renderer.breakdown(breakdown()), directory, "breakdown", 800, 450);
        write(renderer, renderer.targets(targetsWithOneThreshold()), directory, "targets", 800, 450);
        write(renderer, renderer.targets(targetsWithThresholdsPerBar()), directory, "targets-per-bar", 800, 450);
        write(renderer, renderer.trend(new TrendChart(emptyText(), List.of())), directory, "empty", 800, 450);
    }

    private static void write(ChartRenderer renderer, org.jfree.chart.JFreeChart chart, Path directory, String name, int width, int height)
            throws IOException {
        for (ImageFormat format : ImageFormat.values()) {
            Files.write(directory.resolve(name + "." + format.extension()), renderer.render(chart, format, width, height));
        }
    }
}
