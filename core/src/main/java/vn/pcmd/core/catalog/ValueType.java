package vn.pcmd.core.catalog;

/** What a cell of an indicator holds, which decides how it is validated and summed. */
public enum ValueType {
    /** A whole number of people, visits, cases, venues, documents...: no fractions, never negative. */
    COUNT("count"),
    /** An amount of money in million đồng (Triệu đồng): decimals allowed, never negative. */
    MONEY("money"),
    /** "Có hoặc không": yes or no. */
    YES_NO("yes_no");

    private final String code;

    ValueType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
