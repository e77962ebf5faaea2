package vn.pcmd.web.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestVietnameseNumbers {
    @Test
    void thousandsTakeADotAndDecimalsAComma() {
        assertThat(VietnameseNumbers.format(1234.5)).isEqualTo("1.234,5");
        assertThat(VietnameseNumbers.format(1234.0)).isEqualTo("1.234");
        assertThat(VietnameseNumbers.format(12_000_000.0)).isEqualTo("12.000.000");
        assertThat(VietnameseNumbers.format(999.0)).isEqualTo("999");
        assertThat(VietnameseNumbers.format(100_000.25)).isEqualTo("100.000,3");
    }

    @Test
    void zeroAndNegativeNumbers() {
        assertThat(VietnameseNumbers.format(0.0)).isEqualTo("0");
        assertThat(VietnameseNumbers.format(-0.0)).isEqualTo("0");
        assertThat(VietnameseNumbers.format(-12.5)).isEqualTo("-12,5");
        assertThat(VietnameseNumbers.format(-1234567.0)).isEqualTo("-1.234.567");
        assertThat(VietnameseNumbers.format(-0.001)).as("rounds to zero: no '-0'").isEqualTo("0");
    }

    @Test
    void roundsHalfUpAsWritten() {
        assertThat(VietnameseNumbers.format(1.25)).isEqualTo("1,3");
        assertThat(VietnameseNumbers.format(2.35)).as("2.35 is 2.34999… in binary; a reader expects 2,4").isEqualTo("2,4");
        assertThat(VietnameseNumbers.format(99.96)).isEqualTo("100");
        assertThat(VietnameseNumbers.format(0.1 + 0.2)).isEqualTo("0,3");
    }

    @Test
    void smallRatiosKeepTwoDecimals() {
        assertThat(VietnameseNumbers.format(0.25)).isEqualTo("0,25");
        assertThat(VietnameseNumbers.format(0.05)).isEqualTo("0,05");
        assertThat(VietnameseNumbers.format(-0.5)).isEqualTo("-0,5");
    }

    @Test
    void notReportedIsADash() {
        assertThat(VietnameseNumbers.format((Double) null)).isEqualTo("—");
        assertThat(VietnameseNumbers.format(Double.valueOf(7))).isEqualTo("7");
        assertThat(VietnameseNumbers.format(Double.NaN)).isEqualTo("—");
        assertThat(VietnameseNumbers.format(Double.POSITIVE_INFINITY)).isEqualTo("—");
    }

    @Test
    void percentHasASpaceBeforeTheSign() {
        assertThat(VietnameseNumbers.percent(45.5)).isEqualTo("45,5 %");
        assertThat(VietnameseNumbers.percent(100)).isEqualTo("100 %");
        assertThat(VietnameseNumbers.percent(-3.25)).isEqualTo("-3,3 %");
    }

    @Test
    void axisTicksKeepTheirDecimals() {
        assertThat(VietnameseNumbers.format(0.125, 6)).isEqualTo("0,125");
        assertThat(VietnameseNumbers.format(2500.0, 6)).isEqualTo("2.500");
        assertThat(VietnameseNumbers.format(0.30000000000000004, 6)).isEqualTo("0,3");
        assertThat(VietnameseNumberFormat.forAxis().format(1234.5)).isEqualTo("1.234,5");
        assertThat(VietnameseNumberFormat.forAxis().format(2021L)).isEqualTo("2.021");
        assertThat(VietnameseNumberFormat.forValues("%").format(45.5)).isEqualTo("45,5 %");
        assertThat(VietnameseNumberFormat.forValues("Người").format(1234.0)).isEqualTo("1.234");
    }
}
