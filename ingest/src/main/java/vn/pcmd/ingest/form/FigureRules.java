package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.IssueBuilder;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.UnitRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The rules every figure obeys, whether it came from a workbook's cell or a CSV line. */
final class FigureRules {
    private FigureRules() {}

    /**
     * Whether a parsed figure may be kept: never negative, whole for counts, and only in a year its unit existed.
     * Adds the issue naming the cell when it may not.
     */
    static boolean accept(Indicator indicator, double value, int year, UnitRegistry.ReportingUnit unit, Optional<String> sheet, String cell,
            IssueBuilder issues) {
        // checked for every figure of every form: the issue's optional parts are made only when there is an issue
        if (value < 0) {
            issues.add(IssueCode.VALUE_NEGATIVE, sheet, Optional.of(cell), Optional.of(indicator.code()), Optional.of(year), value, indicator.displayLabelVi(), year);
            return false;
        }
        if (indicator.valueType() == ValueType.COUNT && value != Math.rint(value)) {
            issues.add(IssueCode.VALUE_FRACTION, sheet, Optional.of(cell), Optional.of(indicator.code()), Optional.of(year), value, indicator.displayLabelVi(), indicator.unitVi(),
                    year);
            return false;
        }
        if (!unit.existedIn(year)) {
            issues.add(IssueCode.VALUE_UNIT_DID_NOT_EXIST, sheet, Optional.of(cell), Optional.of(indicator.code()), Optional.of(year), unit.unit().code() + " " + unit.unit().name(),
                    year);
            return false;
        }
        return true;
    }

    /**
     * "Of which" figures above their total, where the catalog says the rule holds, each at the breakdown's cell.
     * {@code indicatorCodes} are the indicators with figures, in the order their issues are to be reported;
     * {@code figuresOf} gives an indicator's figures, or none.
     */
    static void checkBreakdowns(Catalog catalog, Collection<String> indicatorCodes, Function<String, List<Fact>> figuresOf, IssueBuilder issues) {
        // a breakdown's total is found by its code among the submission's few rows, and its year among a row's few figures
        for (String code : indicatorCodes) {
            Indicator indicator = catalog.indicator(code).orElseThrow();
            if (indicator.parentCode().isEmpty() || !indicator.ofWhichWithinTotal()) {
                continue;
            }
            List<Fact> totals = figuresOf.apply(indicator.parentCode().get());
            for (Fact fact : figuresOf.apply(code)) {
                for (Fact total : totals) {
                    if (total.year() == fact.year() && fact.value() > total.value()) {
                        Indicator parent = catalog.indicator(total.indicatorCode()).orElseThrow();
                        issues.add(IssueCode.VALUE_ABOVE_TOTAL, Optional.of(fact.sheet()), Optional.of(fact.cell()), Optional.of(fact.indicatorCode()),
                                Optional.of(fact.year()), indicator.displayLabelVi(), fact.value(), parent.displayLabelVi(), total.value(), fact.year());
                    }
                }
            }
        }
    }

    /** The facts by indicator, in the order each indicator first appears. */
    static Map<String, List<Fact>> byIndicator(List<Fact> facts) {
        Map<String, List<Fact>> figures = new LinkedHashMap<>();
        for (Fact fact : facts) {
            figures.computeIfAbsent(fact.indicatorCode(), code -> new ArrayList<>()).add(fact);
        }
        return figures;
    }
}
