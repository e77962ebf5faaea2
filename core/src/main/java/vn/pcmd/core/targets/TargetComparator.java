package vn.pcmd.core.targets;

/** How a target's threshold is compared with the measured value. */
public enum TargetComparator {
    AT_LEAST(">="),
    MORE_THAN(">"),
    /** "100 %": met when the value reaches the threshold (a share above 100 % still meets it). */
    EQUAL("="),
    AT_MOST("<="),
    /** Growth of threshold to threshold_high per cent a year, judged on the year-on-year change. */
    GROWTH_BETWEEN("growth_between");

    private final String symbol;

    TargetComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Whether the value meets the target. For {@link #EQUAL} a count target of 0 (no hotspot) must be exactly 0,
     * while a share target of 100 % is met at 100 % or more, since breakdowns counted in visits can exceed it.
     */
    public boolean isMet(double value, double threshold, double thresholdHigh) {
        return switch (this) {
            case AT_LEAST -> value >= threshold;
            case MORE_THAN -> value > threshold;
            case EQUAL -> threshold == 0 ? value == 0 : value >= threshold;
            case AT_MOST -> value <= threshold;
            case GROWTH_BETWEEN -> value >= threshold && value <= thresholdHigh;
        };
    }
}
