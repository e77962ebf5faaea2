package vn.pcmd.core.catalog;

import java.util.List;
import java.util.Optional;

import vn.pcmd.core.units.UnitLevel;

import static java.util.Objects.requireNonNull;

/**
 * The numerator or denominator of a derived indicator, computed over a unit and everything below it.
 *
 * @param indicatorCodes the catalog indicators it reads (empty for {@link Kind#UNITS_REPORTING})
 * @param form the form whose senders are counted, for {@link Kind#UNITS_REPORTING} only
 * @param countedLevel the level of the units a {@code units_*} kind counts (communes, or districts' own submissions)
 */
public record Measure(Kind kind, List<String> indicatorCodes, Optional<Form> form, Optional<UnitLevel> countedLevel) {
    public enum Kind {
        /** The sum of the indicators' values. */
        SUM("sum"),
        /** The number of reporting units with a value above zero for any of the indicators. */
        UNITS_POSITIVE("units_positive"),
        /** The number of reporting units answering yes to any of the yes/no indicators. */
        UNITS_YES("units_yes"),
        /** The number of units that sent the form. */
        UNITS_REPORTING("units_reporting");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Measure {
        requireNonNull(kind, "kind is null");
        indicatorCodes = List.copyOf(requireNonNull(indicatorCodes, "indicatorCodes is null"));
        requireNonNull(form, "form is null");
        requireNonNull(countedLevel, "countedLevel is null");
        if ((kind == Kind.SUM) == countedLevel.isPresent()) {
            throw new IllegalArgumentException("A " + kind.code() + " measure " + (kind == Kind.SUM ? "counts no units" : "needs the level of the units it counts"));
        }
    }

    public boolean countsUnits() {
        return kind != Kind.SUM;
    }

    /** How the data file writes it: the indicator codes joined by '+', or the form name. */
    public String expression() {
        return kind == Kind.UNITS_REPORTING ? form.map(Form::name).orElse("") : String.join("+", indicatorCodes);
    }
}
