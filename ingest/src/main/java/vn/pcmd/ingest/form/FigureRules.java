package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.IssueBuilder;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.UnitRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules every figure obeys, whether it came from a workbook's cell or a CSV line. */
final class FigureRules {
    private FigureRules() {}

    private record FigureKey(String indicatorCode, int year) {}

    /**
     * Whether a parsed figure may be kept: never negative, whole for counts, and only in a year its unit existed.
     * Adds the issue naming the cell when it may not.
     */
    static boolean accept(Indicator indicator, double value, int year, UnitRegistry.ReportingUnit unit, Optional<String> sheet, Optional<String> cell,
            IssueBuilder issues) {
        // checked for every figure of every form: the issue's optional parts are made only when there is an issue
        if (value < 0) {
            issues.add(IssueCode.VALUE_NEGATIVE, sheet, cell, Optional.of(indicator.code()), Optional.of(year), value, indicator.displayLabelVi(), year);
            return false;
        }
        if (indicator.valueType() == ValueType.COUNT && value != Math.rint(value)) {
            issues.add(IssueCode.VALUE_FRACTION, sheet, cell, Optional.of(indicator.code()), Optional.of(year), value, indicator.displayLabelVi(), indicator.unitVi(),
                    year);
            return false;
        }
        if (!unit.existedIn(year)) {
            issues.add(IssueCode.VALUE_UNIT_DID_NOT_EXIST, sheet, cell, Optional.of(indicator.code()), Optional.of(year), unit.unit().code() + " " + unit.unit().name(),
                    year);
            return false;
        }
        return true;
    }

    /** "Of which" figures above their total, where the catalog says the rule holds, each at the breakdown's cell. */
    static void checkBreakdowns(Catalog catalog, List<Fact> facts, IssueBuilder issues) {
        // the breakdowns, and the totals they fall under: only those totals' figures are looked up by year
        Indicator[] breakdowns = new Indicator[facts.size()];
        Set<String> totals = new HashSet<>();
        for (int index = 0; index < facts.size(); index++) {
            Indicator indicator = catalog.indicator(facts.get(index).indicatorCode()).orElseThrow();
            if (indicator.parentCode().isPresent() && indicator.ofWhichWithinTotal()) {
                breakdowns[index] = indicator;
                totals.add(indicator.parentCode().get());
            }
        }
        if (totals.isEmpty()) {
            return;
        }
        Map<FigureKey, Fact> totalFigures = new HashMap<>();
        for (Fact fact : facts) {
            if (totals.contains(fact.indicatorCode()) && totalFigures.put(new FigureKey(fact.indicatorCode(), fact.year()), fact) != null) {
                throw new IllegalStateException("Two figures of " + fact.indicatorCode() + " for " + fact.year());
            }
        }
        for (int index = 0; index < facts.size(); index++) {
            Indicator indicator = breakdowns[index];
            if (indicator == null) {
                continue;
            }
            Fact fact = facts.get(index);
            Fact total = totalFigures.get(new FigureKey(indicator.parentCode().get(), fact.year()));
            if (total != null && fact.value() > total.value()) {
                Indicator parent = catalog.indicator(total.indicatorCode()).orElseThrow();
                issues.add(IssueCode.VALUE_ABOVE_TOTAL, Optional.of(fact.sheet()), Optional.of(fact.cell()), Optional.of(fact.indicatorCode()), Optional.of(fact.year()),
                        indicator.displayLabelVi(), fact.value(), parent.displayLabelVi(), total.value(), fact.year());
            }
        }
    }
}
