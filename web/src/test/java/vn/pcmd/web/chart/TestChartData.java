package vn.pcmd.web.chart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestChartData {
    private static final ChartText TEXT = new ChartText("Số người bán dâm", "Người", TestingCharts.CAPTION);

    @Test
    void breakdownRowsMustMatchTheYears() {
        assertThatThrownBy(() -> new BreakdownChart(TEXT, List.of(2021, 2022), List.of(false, false),
                List.of(new BreakdownPart("Nữ", List.of(1.0))), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Part 'Nữ' of the breakdown 'Số người bán dâm' has 1 values for 2 years [2021, 2022]");
        assertThatThrownBy(() -> new BreakdownChart(TEXT, List.of(2021, 2022), List.of(false), List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The breakdown 'Số người bán dâm' has 2 years but 1 partial-year flags");
        assertThatThrownBy(() -> new BreakdownChart(TEXT, List.of(2021), List.of(false), List.of(), Optional.of(List.of(1.0, 2.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The totals of the breakdown 'Số người bán dâm' have 2 values for 1 years [2021]");
        assertThatThrownBy(() -> new BreakdownChart(TEXT, List.of(2021, 2021), List.of(false, false), List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A year appears twice in the breakdown 'Số người bán dâm': [2021, 2021]");
    }

    @Test
    void aTrendHasEachYearOnce() {
        assertThatThrownBy(() -> new TrendChart(TEXT, List.of(new TrendPoint(2021, 1.0, false), new TrendPoint(2021, 2.0, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Year 2021 appears twice in the trend 'Số người bán dâm'");
    }

    @Test
    void notReportedValuesAreKeptAndListsCopied() {
        List<Double> values = new ArrayList<>(Arrays.asList(1.0, null));
        BreakdownPart part = new BreakdownPart("Nữ", values);
        values.set(0, 9.0);
        assertThat(part.values()).containsExactly(1.0, null);
        assertThatThrownBy(() -> part.values().add(2.0)).isInstanceOf(UnsupportedOperationException.class);

        BreakdownChart chart = new BreakdownChart(TEXT, List.of(2021, 2022), List.of(false, true), List.of(part),
                Optional.of(Arrays.asList(null, 3.0)));
        assertThat(chart.totals()).hasValueSatisfying(totals -> assertThat(totals).containsExactly(null, 3.0));
    }
}
