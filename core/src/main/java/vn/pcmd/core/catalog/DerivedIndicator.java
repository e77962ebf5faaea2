package vn.pcmd.core.catalog;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A measure the targets are judged on, built only from catalog indicators: a ratio of two sums
 * (never an average of ratios) or a plain value.
 *
 * @param scale 100 for a percentage, 1 otherwise
 */
public record DerivedIndicator(
        String code,
        String labelVi,
        String labelEn,
        Kind kind,
        Measure numerator,
        Optional<Measure> denominator,
        double scale,
        String unitVi,
        String note) {
    public enum Kind {
        RATIO("ratio"),
        VALUE("value");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public DerivedIndicator {
        requireNonNull(code, "code is null");
        requireNonNull(labelVi, "labelVi is null");
        requireNonNull(labelEn, "labelEn is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(numerator, "numerator is null");
        requireNonNull(denominator, "denominator is null");
        requireNonNull(unitVi, "unitVi is null");
        requireNonNull(note, "note is null");
        if ((kind == Kind.RATIO) != denominator.isPresent()) {
            throw new IllegalArgumentException("Derived indicator " + code + ": a ratio needs a denominator and a value has none");
        }
    }
}
