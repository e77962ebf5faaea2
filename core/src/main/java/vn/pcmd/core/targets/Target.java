package vn.pcmd.core.targets;

import vn.pcmd.core.units.UnitLevel;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A quantified target (chỉ tiêu) of a plan. A measurable one names the derived indicator it is judged on,
 * the comparator and the threshold; one the forms cannot measure says why.
 */
public record Target(
        String targetId,
        String planId,
        String textVi,
        UnitLevel appliesToLevel,
        int periodFrom,
        int periodTo,
        Optional<Measurement> measurement,
        Optional<String> notMeasurableReason) {
    /** How a measurable target is judged. {@code thresholdHigh} is set only for growth ranges. */
    public record Measurement(String derivedCode, TargetComparator comparator, double threshold, Optional<Double> thresholdHigh) {
        public Measurement {
            requireNonNull(derivedCode, "derivedCode is null");
            requireNonNull(comparator, "comparator is null");
            requireNonNull(thresholdHigh, "thresholdHigh is null");
        }
    }

    public Target {
        requireNonNull(targetId, "targetId is null");
        requireNonNull(planId, "planId is null");
        requireNonNull(textVi, "textVi is null");
        requireNonNull(appliesToLevel, "appliesToLevel is null");
        requireNonNull(measurement, "measurement is null");
        requireNonNull(notMeasurableReason, "notMeasurableReason is null");
        if (measurement.isPresent() == notMeasurableReason.isPresent()) {
            throw new IllegalArgumentException("Target " + targetId + " must be either measurable or carry a reason it is not");
        }
    }

    public boolean isMeasurable() {
        return measurement.isPresent();
    }

    public boolean covers(int year) {
        return year >= periodFrom && year <= periodTo;
    }
}
