package vn.pcmd.export;

import static java.util.Objects.requireNonNull;

/** A request the user can fix (an unknown dataset or unit, a mart not computed yet), with its code and message. */
public final class ExportException extends RuntimeException {
    /** What went wrong; the category says whether the command line was wrong or the warehouse is not ready for it. */
    public enum Code {
        UNKNOWN_DATASET(Category.USAGE),
        UNKNOWN_UNIT(Category.USAGE),
        UNKNOWN_LEVEL(Category.USAGE),
        NOT_FILTERABLE(Category.USAGE),
        FORMAT_UNKNOWN(Category.USAGE),
        IA_NEEDS_PROVINCE(Category.USAGE),
        UNKNOWN_AGENCY(Category.USAGE),
        AGENCY_ONLY_FOR_IA(Category.USAGE),
        REPORT_NOT_XLSX(Category.USAGE),
        MART_NOT_COMPUTED(Category.NOT_READY);

        private final Category category;

        Code(Category category) {
            this.category = category;
        }

        public Category category() {
            return category;
        }
    }

    public enum Category {
        /** The command line asks for something that does not exist. */
        USAGE,
        /** The request is right but the warehouse does not hold what it needs yet. */
        NOT_READY
    }

    private final Code code;

    ExportException(Code code, Object... arguments) {
        super(ExportMessages.get("error." + requireNonNull(code, "code is null").name().toLowerCase(java.util.Locale.ROOT), arguments));
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
