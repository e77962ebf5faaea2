package vn.pcmd.web.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestChartRenderer {
    private final ChartRenderer renderer = new ChartRenderer();

    @Test
    void trendRendersAsPngWithItsLineColour() throws IOException {
        BufferedImage image = png(renderer.trend(TestingCharts.trend()), 800, 450);

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        assertThat(image.getRGB(0, 0)).as("white ground").isEqualTo(Color.WHITE.getRGB());
        assertThat(distinctColours(image)).hasSizeGreaterThan(20);
        assertThat(containsColour(image, ChartStyle.BLUE)).isTrue();
    }

    @Test
    void trendMarksTheHalfYearAndShowsYearsAsWritten() throws Exception {
        String svg = svg(renderer.trend(TestingCharts.trend()));

        assertThat(svg).contains("Số người bán dâm, Đồng Nai", "Người", TestingCharts.CAPTION);
        assertThat(svg).contains(">2025 (6 tháng)<", ">6 tháng đầu năm<");
        assertThat(svg).contains(">2021<", ">2024<").doesNotContain("2.021", "2.025");
        assertThat(svg).as("values in Vietnamese format").contains(">1.234<", ">1.180<", ">310<");
        assertThat(svg).as("the half year's segment is dashed").contains("stroke-dasharray");
    }

    @Test
    void trendLeavesAGapWhereAYearIsNotReported() {
        JFreeChart chart = renderer.trend(TestingCharts.trend());

        CategoryDataset dataset = chart.getCategoryPlot().getDataset();
        assertThat(dataset.getValue(0, 2)).isNull();
        assertThat(dataset.getColumnKey(2).toString()).isEqualTo("2023");
    }

    @Test
    void rankingRendersFortyUnitsWithTheHighlightedOneInOrange() throws Exception {
        RankingChart ranking = TestingCharts.ranking(40);
        int height = ChartRenderer.suggestedRankingHeight(40);
        BufferedImage image = png(renderer.ranking(ranking), 800, height);

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(containsColour(image, ChartStyle.BLUE)).isTrue();
        assertThat(containsColour(image, ChartStyle.ORANGE)).isTrue();

        String svg = svg(renderer.ranking(ranking));
        assertThat(svg).contains(">Thị trấn Long Thành<", ">4.321,5<", ">4.029,8<", ">Vụ<");
        assertThat(svg).as("a long name is shortened").contains(">Phường Trảng Dài, thành…<")
                .doesNotContain("Phường Trảng Dài, thành phố Biên Hòa");
    }

    @Test
    void rankingWithoutAHighlightIsAllOneColour() throws IOException {
        RankingChart ranking = new RankingChart(TestingCharts.ranking(5).text(), TestingCharts.ranking(5).units(), Optional.empty());

        assertThat(containsColour(png(renderer.ranking(ranking), 600, 300), ChartStyle.ORANGE)).isFalse();
    }

    @Test
    void longUnitNamesAreShortenedAtAWord() {
        assertThat(ChartRenderer.shortenName("Phường Trảng Dài, thành phố Biên Hòa")).isEqualTo("Phường Trảng Dài, thành…");
        assertThat(ChartRenderer.shortenName("Xã Phước Thiền")).isEqualTo("Xã Phước Thiền");
        assertThat(ChartRenderer.shortenName("Xãxãxãxãxãxãxãxãxãxãxãxãxãxãxãxãxã")).isEqualTo("Xãxãxãxãxãxãxãxãxãxãxãxãxãx…");
        assertThat(ChartRenderer.shortenName("Xãxãxãxãxãxãxãxãxãxãxãxãxãxãxãxãxã")).hasSize(ChartRenderer.MAXIMUM_UNIT_NAME_LENGTH);
        String decomposed = "Phu\u031Bo\u031B\u0300ng Tra\u0309ng Da\u0300i, tha\u0300nh pho\u0302\u0301 Bie\u0302n Ho\u0300a";
        assertThat(ChartRenderer.shortenName(decomposed)).as("tone marks are composed, not cut off")
                .isEqualTo("Phường Trảng Dài, thành…");
        assertThat(ChartRenderer.shortenName("Thành phố Hồ Chí Minh")).isEqualTo("Thành phố Hồ Chí Minh");
    }

    @Test
    void twoUnitsWithTheSameShortNameKeepTheirOwnBars() {
        RankingChart ranking = new RankingChart(TestingCharts.emptyText(), List.of(
                new RankedUnit("1", "Phường Trảng Dài, thành phố Biên Hòa", 5),
                new RankedUnit("2", "Phường Trảng Dài, thành phố Biên Hòa cũ", 3)), Optional.of("2"));

        assertThat(renderer.ranking(ranking).getCategoryPlot().getDataset().getColumnCount()).isEqualTo(2);
    }

    @Test
    void breakdownStacksThePartsInPaletteOrderWithTheTotals() throws Exception {
        BufferedImage image = png(renderer.breakdown(TestingCharts.breakdown()), 800, 450);

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(containsColour(image, ChartStyle.BLUE)).isTrue();
        assertThat(containsColour(image, ChartStyle.ORANGE)).isTrue();
        assertThat(containsColour(image, ChartStyle.BLUISH_GREEN)).isTrue();

        String svg = svg(renderer.breakdown(TestingCharts.breakdown()));
        assertThat(svg).contains(">Tư vấn, hỗ trợ pháp lý<", ">Học nghề, tạo việc làm<", ">Vay vốn<", ">Tổng số<");
        assertThat(svg).contains(">2025 (6 tháng)<", ">6 tháng đầu năm<", ">1.780<");
    }

    @Test
    void targetsAreColouredByStatusWithOneThresholdLine() throws Exception {
        BufferedImage image = png(renderer.targets(TestingCharts.targetsWithOneThreshold()), 800, 450);

        assertThat(containsColour(image, ChartStyle.BLUISH_GREEN)).as("đạt").isTrue();
        assertThat(containsColour(image, ChartStyle.VERMILLION)).as("không đạt").isTrue();

        JFreeChart chart = renderer.targets(TestingCharts.targetsWithOneThreshold());
        Collection<?> markers = chart.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers).hasSize(1);
        assertThat(chart.getCategoryPlot().getRangeAxis().getUpperBound()).isGreaterThan(91.2);
        String svg = svg(chart);
        assertThat(svg).contains(">Đạt<", ">Không đạt<", ">Chưa có số liệu<", ">Ngưỡng chỉ tiêu: 80 %<");
        assertThat(svg).contains(">72,5 %<", ">88,4 %<");
    }

    @Test
    void targetsWithDifferentThresholdsGetATickPerBar() throws Exception {
        JFreeChart chart = renderer.targets(TestingCharts.targetsWithThresholdsPerBar());

        Collection<?> markers = chart.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers).isNull();
        assertThat(chart.getCategoryPlot().getRenderer(1)).isInstanceOf(ThresholdTickRenderer.class);
        assertThat(chart.getCategoryPlot().getRangeAxis().getUpperBound()).as("reaches the highest threshold").isGreaterThanOrEqualTo(100);
        String svg = svg(chart);
        assertThat(svg).contains(">Ngưỡng chỉ tiêu<", ">KH 1643 · 2025<", ">Chưa có số liệu<");
        BufferedImage image = png(chart, 640, 400);
        assertThat(containsColour(image, ChartStyle.THRESHOLD)).isTrue();
    }

    @Test
    void aMissingTargetValueIsWrittenUprightWhenItsBarIsNarrow() throws Exception {
        List<TargetBar> bars = new ArrayList<>();
        for (int year = 2015; year <= 2026; year++) {
            bars.add(new TargetBar(String.valueOf(year), year % 3 == 0 ? null : 50.0 + year % 7, 55.0,
                    year % 3 == 0 ? TargetStatus.NO_DATA : TargetStatus.MET));
        }
        String svg = svg(renderer.targets(new TargetsChart(TestingCharts.emptyText(), bars)));

        assertThat(svg).contains(">Chưa có số liệu<").contains("matrix(");
    }

    @Test
    void emptyChartsSayThereIsNoDataInsteadOfFailing() throws Exception {
        ChartText text = TestingCharts.emptyText();
        List<JFreeChart> charts = List.of(
                renderer.trend(new TrendChart(text, List.of())),
                renderer.trend(new TrendChart(text, List.of(new TrendPoint(2021, null, false), new TrendPoint(2025, null, true)))),
                renderer.ranking(new RankingChart(text, List.of(), Optional.of("26000"))),
                renderer.breakdown(new BreakdownChart(text, List.of(), List.of(), List.of(), Optional.empty())),
                renderer.breakdown(new BreakdownChart(text, List.of(2021), List.of(false),
                        List.of(new BreakdownPart("Nữ", Arrays.asList((Double) null))), Optional.empty())),
                renderer.targets(new TargetsChart(text, List.of())));
        for (JFreeChart chart : charts) {
            String svg = svg(chart);
            assertThat(svg).contains(">Chưa có số liệu<", ">Số cơ sở kinh doanh dịch vụ bị xử phạt, Lai Châu<");
            BufferedImage image = png(chart, 400, 300);
            assertThat(image.getWidth()).isEqualTo(400);
            assertThat(distinctColours(image)).hasSizeGreaterThan(2);
        }
    }

    @Test
    void svgIsWellFormedUtf8WithTextAsText() throws Exception {
        byte[] bytes = renderer.render(renderer.trend(TestingCharts.trend()), ImageFormat.SVG, 800, 450);

        Document document = hardenedParser().parse(new ByteArrayInputStream(bytes));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).startsWith("800");
        StringBuilder texts = new StringBuilder();
        var textElements = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int index = 0; index < textElements.getLength(); index++) {
            texts.append(textElements.item(index).getTextContent()).append('\n');
        }
        assertThat(texts.toString()).contains("Số người bán dâm, Đồng Nai", "Người", "6 tháng đầu năm");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("DejaVu Sans");
    }

    @Test
    void aSmallChartLeavesMoreOfItsAxisForTheValueLabels() {
        JFreeChart chart = renderer.trend(TestingCharts.trend());

        renderer.render(chart, ImageFormat.PNG, 800, 600);
        double large = chart.getCategoryPlot().getRangeAxis().getUpperMargin();
        renderer.render(chart, ImageFormat.PNG, 400, 260);
        double small = chart.getCategoryPlot().getRangeAxis().getUpperMargin();

        assertThat(small).isGreaterThan(large * 2);
        assertThat(large).isBetween(0.05, 0.15);
    }

    @Test
    void warmUpRendersWithoutError() {
        renderer.warmUp();
    }

    @Test
    void renderChecksTheSize() {
        JFreeChart chart = renderer.trend(TestingCharts.trend());

        assertThatThrownBy(() -> renderer.render(chart, ImageFormat.PNG, 99, 450))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chart width must be between 100 and 4000 pixels, got 99");
        assertThatThrownBy(() -> renderer.render(chart, ImageFormat.SVG, 800, 4001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chart height must be between 100 and 4000 pixels, got 4001");
    }

    @Test
    void concurrentRendersGiveTheSameImagesAsOneAtATime() throws Exception {
        List<Supplier<JFreeChart>> kinds = List.of(
                () -> renderer.trend(TestingCharts.trend()),
                () -> renderer.ranking(TestingCharts.ranking(12)),
                () -> renderer.breakdown(TestingCharts.breakdown()),
                () -> renderer.targets(TestingCharts.targetsWithThresholdsPerBar()));
        List<byte[]> expected = new ArrayList<>();
        for (Supplier<JFreeChart> kind : kinds) {
            expected.add(renderer.render(kind.get(), ImageFormat.PNG, 640, 400));
        }

        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Supplier<JFreeChart> kind : kinds) {
                    futures.add(executor.submit(() -> renderer.render(kind.get(), ImageFormat.PNG, 640, 400)));
                }
            }
            for (int index = 0; index < futures.size(); index++) {
                assertThat(futures.get(index).get()).isEqualTo(expected.get(index % kinds.size()));
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    private BufferedImage png(JFreeChart chart, int width, int height) throws IOException {
        byte[] bytes = renderer.render(chart, ImageFormat.PNG, width, height);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        return image;
    }

    /** The SVG, after checking that a parser hardened against external entities reads it. */
    private String svg(JFreeChart chart) throws Exception {
        byte[] bytes = renderer.render(chart, ImageFormat.SVG, 800, 450);
        hardenedParser().parse(new ByteArrayInputStream(bytes));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static DocumentBuilder hardenedParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static Set<Integer> distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    private static boolean containsColour(BufferedImage image, Color colour) {
        int wanted = colour.getRGB() & 0xFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == wanted) {
                    return true;
                }
            }
        }
        return false;
    }
}
