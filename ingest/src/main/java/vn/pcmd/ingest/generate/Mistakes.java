package vn.pcmd.ingest.generate;

import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.ingest.form.FilledCell;
import vn.pcmd.ingest.form.FormRow;
import vn.pcmd.ingest.form.FormValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Puts one deliberate error of a given kind into a filled form, as {@code --with-errors} asks. */
final class Mistakes {
    /** Labels of rows no version of the forms has. */
    private static final List<String> UNKNOWN_LABELS = List.of(
            "Số người cai nghiện ma túy tại cộng đồng",
            "Số hộ nghèo được hỗ trợ vay vốn sản xuất",
            "Số vụ vi phạm an toàn thực phẩm được phát hiện");

    private final ValueGenerator generator;

    Mistakes(ValueGenerator generator) {
        this.generator = generator;
    }

    /** A cell of the plan: its row, the index of its year in the period, and its figure in tenths. */
    private record Cell(Indicator indicator, int year, long tenths) {}

    /** Whether a file can carry an error of this kind at all, judged before any file is written. */
    boolean applicable(ErrorKind kind, FilePlan plan, List<FormRow> rows, int lastYear) {
        return switch (kind) {
            case BAD_YES_NO -> indicators(rows).stream().anyMatch(indicator -> indicator.valueType() == ValueType.YES_NO);
            case OF_WHICH_ABOVE_TOTAL -> indicators(rows).stream().anyMatch(Mistakes::isPart);
            case YEAR_NOT_EXISTING -> missingYear(plan, lastYear) >= 0;
            default -> true;
        };
    }

    /**
     * The index of the year a commune abolished before the last year asked for did not exist in, or -1: figures
     * there must be refused.
     */
    int missingYear(FilePlan plan, int lastYear) {
        int last = generator.years().indexOf(lastYear);
        if (plan.level() != vn.pcmd.core.units.UnitLevel.COMMUNE || last < 0 || plan.unit.existed(last)) {
            return -1;
        }
        for (int year = 0; year < last; year++) {
            if (plan.years[year]) {
                return last;
            }
        }
        return -1;
    }

    /** Spoils {@code values}; returns the kind applied, which differs from {@code kind} only if the file had no cell for it. */
    ErrorKind apply(ErrorKind kind, FilePlan plan, List<FormRow> rows, FormValues values, int lastYear, Draws draws) {
        List<Integer> years = generator.years();
        switch (kind) {
            case NEGATIVE_VALUE -> {
                Cell cell = pick(plan, rows, indicator -> indicator.valueType() != ValueType.YES_NO && !hasParts(indicator, rows), draws);
                if (cell == null) {
                    break;
                }
                double magnitude = cell.tenths() > 0 ? cell.tenths() / 10.0 : draws.integer(1, 5);
                values.putNumber(cell.indicator().code(), years.get(cell.year()), cell.indicator().valueType() == ValueType.COUNT ? -Math.ceil(magnitude) : -magnitude);
                return kind;
            }
            case FRACTION_IN_COUNT -> {
                Cell cell = pick(plan, rows, indicator -> indicator.valueType() == ValueType.COUNT
                        && indicator.unitVi().toLowerCase(Locale.ROOT).contains("người") && isFree(indicator, rows), draws);
                if (cell == null) {
                    break;
                }
                values.putNumber(cell.indicator().code(), years.get(cell.year()), cell.tenths() / 10 + 0.5);
                return kind;
            }
            case TEXT_IN_NUMBER -> {
                Cell cell = pick(plan, rows, indicator -> indicator.valueType() != ValueType.YES_NO && isFree(indicator, rows), draws);
                if (cell == null) {
                    break;
                }
                values.put(cell.indicator().code(), years.get(cell.year()),
                        FilledCell.text(cell.tenths() == 0 ? "chưa thống kê" : "khoảng " + OfficeTyping.vietnameseMoney(cell.tenths())));
                return kind;
            }
            case BAD_YES_NO -> {
                Cell cell = pick(plan, rows, indicator -> indicator.valueType() == ValueType.YES_NO, draws);
                if (cell == null) {
                    break;
                }
                values.put(cell.indicator().code(), years.get(cell.year()), FilledCell.text("Đang xây dựng"));
                return kind;
            }
            case OF_WHICH_ABOVE_TOTAL -> {
                Cell cell = pick(plan, rows, Mistakes::isPart, draws, parentPresent(plan));
                if (cell == null) {
                    break;
                }
                Indicator indicator = cell.indicator();
                long parent = plan.values[generator.position(plan.form, indicator.parentCode().orElseThrow()) * years.size() + cell.year()];
                double above = parent / 10.0 + draws.integer(1, 3);
                values.putNumber(indicator.code(), years.get(cell.year()), indicator.valueType() == ValueType.COUNT ? Math.floor(above) : above);
                return kind;
            }
            case YEAR_NOT_EXISTING -> {
                int missing = missingYear(plan, lastYear);
                if (missing < 0) {
                    break;
                }
                int source = -1;
                for (int year = 0; year < missing; year++) {
                    if (plan.years[year]) {
                        source = year;
                    }
                }
                for (Indicator indicator : indicators(rows)) {
                    long tenths = plan.values[generator.position(plan.form, indicator.code()) * years.size() + source];
                    if (tenths != ValueGenerator.EMPTY) {
                        values.put(indicator.code(), years.get(missing), OfficeTyping.cell(indicator, tenths, draws));
                    }
                }
                return kind;
            }
            case TOTAL_MISMATCH -> {
                Cell cell = pick(plan, rows, indicator -> indicator.valueType() != ValueType.YES_NO, draws);
                if (cell == null) {
                    break;
                }
                OptionalDouble total = values.total(cell.indicator().code());
                values.overrideTotal(cell.indicator().code(), total.orElse(0) + draws.integer(1, 5));
                return kind;
            }
            case UNKNOWN_ROW -> {
                // handled below: it needs no particular cell, so it is also what a file without a suitable cell gets
            }
        }
        List<Indicator> indicators = indicators(rows);
        Indicator after = indicators.get(draws.integer(indicators.size()));
        Map<Integer, FilledCell> cells = new TreeMap<>();
        for (int year = 0; year < years.size(); year++) {
            if (plan.years[year]) {
                cells.put(years.get(year), FilledCell.number(draws.integer(0, 5)));
            }
        }
        values.addRowAfter(after.code(), new FormValues.ExtraRow(UNKNOWN_LABELS.get(draws.integer(UNKNOWN_LABELS.size())), "Người", cells));
        return ErrorKind.UNKNOWN_ROW;
    }

    private Predicate<Cell> parentPresent(FilePlan plan) {
        int yearCount = generator.years().size();
        return cell -> plan.values[generator.position(plan.form, cell.indicator().parentCode().orElseThrow()) * yearCount + cell.year()] != ValueGenerator.EMPTY;
    }

    private Cell pick(FilePlan plan, List<FormRow> rows, Predicate<Indicator> eligible, Draws draws) {
        return pick(plan, rows, eligible, draws, cell -> true);
    }

    private Cell pick(FilePlan plan, List<FormRow> rows, Predicate<Indicator> eligible, Draws draws, Predicate<Cell> also) {
        int yearCount = generator.years().size();
        List<Cell> cells = new ArrayList<>();
        for (Indicator indicator : indicators(rows)) {
            if (!eligible.test(indicator)) {
                continue;
            }
            int row = generator.position(plan.form, indicator.code());
            for (int year = 0; year < yearCount; year++) {
                long tenths = plan.values[row * yearCount + year];
                if (plan.years[year] && tenths != ValueGenerator.EMPTY) {
                    Cell cell = new Cell(indicator, year, tenths);
                    if (also.test(cell)) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells.isEmpty() ? null : cells.get(draws.integer(cells.size()));
    }

    private static List<Indicator> indicators(List<FormRow> rows) {
        return rows.stream().flatMap(row -> row.indicator().stream()).toList();
    }

    /** A row the catalog says may not exceed its total. */
    private static boolean isPart(Indicator indicator) {
        return indicator.parentCode().isPresent() && indicator.ofWhichWithinTotal();
    }

    private static boolean hasParts(Indicator indicator, List<FormRow> rows) {
        return indicators(rows).stream().anyMatch(other -> isPart(other) && other.parentCode().get().equals(indicator.code()));
    }

    /** Neither a part of a total nor a total with parts: changing it breaks no other rule than the one intended. */
    private static boolean isFree(Indicator indicator, List<FormRow> rows) {
        return !isPart(indicator) && !hasParts(indicator, rows);
    }
}
