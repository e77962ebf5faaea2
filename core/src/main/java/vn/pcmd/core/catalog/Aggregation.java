package vn.pcmd.core.catalog;

/** How an indicator rolls up the administrative hierarchy. */
public enum Aggregation {
    /** The figures of the units below are added. */
    SUM("sum"),
    /** A yes/no answer becomes the number of units answering yes, and their share of the units that answered. */
    COUNT_YES("count_yes");

    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
