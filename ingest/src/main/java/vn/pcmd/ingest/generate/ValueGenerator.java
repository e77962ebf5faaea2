package vn.pcmd.ingest.generate;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ValueType;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Draws one unit's figures for every row of a form and every year of the period, following profiles.csv and the
 * catalog's rules: whole numbers for counts, one decimal for money, children never above a total they may not exceed.
 *
 * <p>Figures are held in tenths, as {@code long}: counts and money then add up exactly, in any order, which keeps
 * the sums of the consolidated forms and of expected_totals.csv independent of how the work was split.
 */
final class ValueGenerator {
    static final long EMPTY = Long.MIN_VALUE;
    /** The share of the free cells (no "of which" rule on them) a reporting office leaves blank. */
    private static final double BLANK_SHARE = 0.01;
    private static final double TREND_LOW = -0.04;
    private static final double TREND_HIGH = 0.08;

    private final List<Integer> years;
    private final Map<Form, List<Indicator>> indicators = new EnumMap<>(Form.class);
    private final Map<Form, Map<String, Integer>> positions = new EnumMap<>(Form.class);
    private final Map<String, IndicatorProfile> profiles = new HashMap<>();
    private final Map<String, double[]> trends = new HashMap<>();
    private final Map<Form, boolean[]> freeRows = new EnumMap<>(Form.class);

    ValueGenerator(Catalog catalog, Map<String, IndicatorProfile> listed, long seed) {
        this.years = catalog.period().years();
        for (Form form : Form.values()) {
            List<Indicator> rows = catalog.indicators(form);
            indicators.put(form, rows);
            Map<String, Integer> index = new HashMap<>();
            for (int row = 0; row < rows.size(); row++) {
                index.put(rows.get(row).code(), row);
            }
            positions.put(form, index);
            boolean[] free = new boolean[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                Indicator indicator = rows.get(row);
                boolean isPart = indicator.parentCode().isPresent() && indicator.ofWhichWithinTotal();
                boolean hasParts = rows.stream().anyMatch(other -> other.parentCode().map(indicator.code()::equals).orElse(false) && other.ofWhichWithinTotal());
                free[row] = !isPart && !hasParts;
            }
            freeRows.put(form, free);
            for (Indicator indicator : rows) {
                IndicatorProfile profile = listed.get(indicator.code());
                if (profile == null) {
                    profile = indicator.valueType() == ValueType.YES_NO ? IndicatorProfile.yesNoFallback(indicator.code()) : IndicatorProfile.fallback(indicator.code());
                }
                Optional<String> basis = profile.basis();
                if (basis.isPresent() && (!index.containsKey(basis.get()) || index.get(basis.get()) >= index.get(indicator.code()))) {
                    // a basis must be drawn first; a broken profile degrades to a plain figure rather than failing a run
                    profile = IndicatorProfile.fallback(indicator.code());
                }
                profiles.put(indicator.code(), profile);
                Draws trend = Draws.of(seed, "trend", indicator.code());
                double growth = trend.uniform(TREND_LOW, TREND_HIGH);
                double[] factors = new double[years.size()];
                for (int year = 0; year < years.size(); year++) {
                    factors[year] = Math.pow(1 + growth, year);
                }
                trends.put(indicator.code(), factors);
            }
        }
    }

    List<Indicator> indicators(Form form) {
        return indicators.get(form);
    }

    int position(Form form, String code) {
        Integer position = positions.get(form).get(code);
        if (position == null) {
            throw new IllegalArgumentException("No row " + code + " on form " + form);
        }
        return position;
    }

    IndicatorProfile profile(String code) {
        return profiles.get(code);
    }

    boolean isFree(Form form, int row) {
        return freeRows.get(form)[row];
    }

    /**
     * The figures of one reporting unit.
     *
     * @param rows the rows the unit fills (a department fills section I and its own section)
     * @param share the unit's share of a national figure
     * @param fallbackPerYear the national figure of a row profiles.csv does not list: one per unit on average
     * @param levelShape how alike units of the same share are (small: many zeros and a few large figures)
     * @param exposure per year, the share of the full year the unit existed; 0 leaves the year empty
     */
    long[] draw(Form form, Predicate<Indicator> rows, double share, double fallbackPerYear, double levelShape, double[] exposure, Draws draws) {
        List<Indicator> formRows = indicators.get(form);
        int yearCount = years.size();
        long[] values = empty(form);
        // capacity already used under each total, per year: the catalog's "of which" rows and the profiles' part rows
        Map<String, long[]> usedUnderParent = new HashMap<>();
        Map<String, long[]> usedUnderBasis = new HashMap<>();
        for (int row = 0; row < formRows.size(); row++) {
            Indicator indicator = formRows.get(row);
            if (!rows.test(indicator)) {
                continue;
            }
            IndicatorProfile profile = profiles.get(indicator.code());
            boolean money = indicator.valueType() == ValueType.MONEY;
            switch (profile.rule()) {
                case YES_NO -> drawYesNo(values, row, profile, exposure, draws);
                case BASE -> {
                    double perYear = profile.perYear() > 0 ? profile.perYear() : fallbackPerYear * (money ? 10 : 1);
                    boolean zero = draws.chance(profile.zeroShare());
                    double level = zero ? 0 : draws.gammaFactor(levelShape) / (1 - profile.zeroShare());
                    double base = perYear * share * level;
                    double[] trend = trends.get(indicator.code());
                    for (int year = 0; year < yearCount; year++) {
                        if (exposure[year] <= 0) {
                            continue;
                        }
                        double mean = base * trend[year] * (profile.stock() ? 1 : exposure[year]);
                        long value;
                        if (money) {
                            value = Math.round(mean * draws.gammaFactor(profile.stock() ? 20 : 4) * 10);
                        }
                        else {
                            value = 10 * draws.poisson(profile.stock() ? mean : mean * draws.gammaFactor(6));
                        }
                        values[row * yearCount + year] = value;
                    }
                }
                default -> {
                    int basisRow = position(form, profile.basis().orElseThrow());
                    IndicatorProfile basisProfile = profiles.get(profile.basis().get());
                    long[] used = usedUnderBasis.computeIfAbsent(profile.basis().get(), ignored -> new long[yearCount]);
                    for (int year = 0; year < yearCount; year++) {
                        long basis = values[basisRow * yearCount + year];
                        if (exposure[year] <= 0 || basis == EMPTY) {
                            continue;
                        }
                        // a yearly figure over a level (people reached among all students) shrinks with a part year
                        double ratio = profile.share() * (!profile.stock() && basisProfile.stock() ? exposure[year] : 1);
                        long value = switch (profile.rule()) {
                            case PART, SUBSET -> money
                                    ? Math.min(basis, Math.round(basis * ratio * draws.gammaFactor(8)))
                                    : 10 * draws.binomial(basis / 10, ratio);
                            case PER -> money
                                    ? Math.round(ratio * basis * draws.gammaFactor(4))
                                    : 10 * draws.poisson(ratio * basis / 10.0 * draws.gammaFactor(6));
                            case ANY -> basis > 0 ? 10 : 0;
                            default -> throw new IllegalStateException("Unexpected rule " + profile.rule());
                        };
                        if (profile.rule() == IndicatorProfile.Rule.PART) {
                            value = Math.min(value, Math.max(0, basis - used[year]));
                            used[year] += value;
                        }
                        values[row * yearCount + year] = value;
                    }
                }
            }
            if (indicator.parentCode().isPresent() && indicator.ofWhichWithinTotal()) {
                int parentRow = position(form, indicator.parentCode().get());
                long[] used = usedUnderParent.computeIfAbsent(indicator.parentCode().get(), ignored -> new long[yearCount]);
                for (int year = 0; year < yearCount; year++) {
                    long parent = values[parentRow * yearCount + year];
                    int cell = row * yearCount + year;
                    if (values[cell] == EMPTY || parent == EMPTY) {
                        continue;
                    }
                    values[cell] = Math.min(values[cell], Math.max(0, parent - used[year]));
                    used[year] += values[cell];
                }
            }
        }
        for (int row = 0; row < formRows.size(); row++) {
            if (!isFree(form, row)) {
                continue;
            }
            for (int year = 0; year < yearCount; year++) {
                int cell = row * yearCount + year;
                if (values[cell] != EMPTY && draws.chance(BLANK_SHARE)) {
                    values[cell] = EMPTY;
                }
            }
        }
        return values;
    }

    private void drawYesNo(long[] values, int row, IndicatorProfile profile, double[] exposure, Draws draws) {
        int yearCount = years.size();
        // a commune's plans change little from year to year: keep last year's answer most of the time
        double probability = Math.max(0.05, Math.min(0.95, profile.share() + 0.25 * (2 * draws.uniform() - 1)));
        long previous = EMPTY;
        for (int year = 0; year < yearCount; year++) {
            if (exposure[year] <= 0) {
                continue;
            }
            long value = previous != EMPTY && !draws.chance(0.2) ? previous : (draws.chance(probability) ? 10 : 0);
            values[row * yearCount + year] = value;
            previous = value;
        }
    }

    long[] empty(Form form) {
        long[] values = new long[indicators.get(form).size() * years.size()];
        Arrays.fill(values, EMPTY);
        return values;
    }

    /**
     * Adds one year of a commune's figures into the figures its district or province sends: the sum per row; for a
     * yes/no row "Có" when any commune answered Có. Cells no commune filled stay empty.
     */
    void accumulate(Form form, long[] target, long[] source, int year) {
        List<Indicator> formRows = indicators.get(form);
        int yearCount = years.size();
        for (int row = 0; row < formRows.size(); row++) {
            int cell = row * yearCount + year;
            long value = source[cell];
            if (value == EMPTY) {
                continue;
            }
            long sum = target[cell];
            target[cell] = sum == EMPTY ? value : (formRows.get(row).valueType() == ValueType.YES_NO ? Math.max(sum, value) : sum + value);
        }
    }

    List<Integer> years() {
        return years;
    }
}
