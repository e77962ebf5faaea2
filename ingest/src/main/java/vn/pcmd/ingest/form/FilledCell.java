package vn.pcmd.ingest.form;

import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** What a filled cell holds: a number, or text as an office may type it ("1.234", "-", "Có", "khoảng 10"). */
public sealed interface FilledCell {
    /** The figure the cell stands for, counted in the row's Tổng cộng; empty for text that means no number. */
    OptionalDouble amount();

    static FilledCell number(double value) {
        return new Numeric(value);
    }

    /** Text standing for a figure: a number with Vietnamese separators, "-" for 0, "Có", "Không" or "x". */
    static FilledCell text(String text, double meaning) {
        return new Text(text, OptionalDouble.of(meaning));
    }

    /** Text that means no figure at all. */
    static FilledCell text(String text) {
        return new Text(text, OptionalDouble.empty());
    }

    record Numeric(double value) implements FilledCell {
        @Override
        public OptionalDouble amount() {
            return OptionalDouble.of(value);
        }
    }

    record Text(String text, OptionalDouble amount) implements FilledCell {
        public Text {
            requireNonNull(text, "text is null");
            requireNonNull(amount, "amount is null");
        }
    }
}
