package vn.pcmd.web.chart;

/** Whether a target (chỉ tiêu) was reached, as the analytics decided it; the chart only colours it. */
public enum TargetStatus {
    MET,
    NOT_MET,
    NO_DATA,
}
