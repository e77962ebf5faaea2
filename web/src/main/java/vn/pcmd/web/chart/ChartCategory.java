package vn.pcmd.web.chart;

import static java.util.Objects.requireNonNull;

/**
 * A category (or series) of a chart's dataset: its place and the label the axis or legend shows. The place keeps two equal
 * labels apart, e.g. two unit names that are the same once shortened, which as plain string keys would merge into one bar.
 */
record ChartCategory(int position, String label) implements Comparable<ChartCategory> {
    ChartCategory {
        requireNonNull(label, "label is null");
    }

    @Override
    public int compareTo(ChartCategory other) {
        return Integer.compare(position, other.position);
    }

    /** What JFreeChart draws. */
    @Override
    public String toString() {
        return label;
    }
}
