package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * trends: for every unit × indicator of the rollup, its yearly values with the change from the year before, and
 * what describes the whole series (change and CAGR from the first to the last full year, least-squares slope, the
 * 2021–2025 total). Columns and rules in docs/marts.md.
 *
 * <p>The half year (2025, 01/01–30/06) never enters a year-on-year change, a CAGR or a slope: comparing six months
 * with twelve would read as a fall. It gets an annualised estimate in its own column, compared with the last full
 * year in its own column too. It does count in the total, as on the form's Tổng cộng. Which years are full comes
 * from {@code ref_years}, so the next period needs no change here.
 *
 * <p>The slope is written as the closed form over x = year − first full year rather than {@code regr_slope}: with
 * whole-number figures every sum is exact, so DuckDB and Spark give the same bits whatever order they add in.
 */
public final class TrendsJob extends SqlJob {
    public static final String NAME = "trends";

    public TrendsJob() {
        super(NAME, "Xu hướng 2021–2025 theo đơn vị và chỉ tiêu (yearly values, year-on-year change, CAGR, slope, total)", RollupJob.NAME);
    }

    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // one value per unit × indicator × year: rolled up where anything rolled up, else the unit's own report;
                // for yes/no rows the rolled-up value is the number of units answering yes. Keys and figures only: the
                // unit's and the indicator's texts join once, on the last step
                new Step("trends_values", """
                        select u.code as unit_code, i.code as indicator_code, r.year, r.partial_year,
                               coalesce(case when i.value_type = 'yes_no' then r.yes_count else r.value end, r.reported_value) as value,
                               case when (case when i.value_type = 'yes_no' then r.yes_count else r.value end) is not null
                                    then 'rolled_up' else 'reported' end as value_source
                        from rollup r
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_indicators i on i.code = r.indicator_code
                        where r.vintage = %s
                        """.formatted(v, v)),
                // what describes each series, over its full years (the total also takes the half year)
                new Step("trends_series", """
                        select t.unit_code, t.indicator_code,
                               sum(t.value) as total_value,
                               sum(case when t.year = f.first_full_year then t.value end) as first_full_value,
                               sum(case when t.year = f.last_full_year then t.value end) as last_full_value,
                               max(f.last_full_year - f.first_full_year) as full_span,
                               count(case when not t.partial_year then t.value end) as points,
                               sum(case when not t.partial_year and t.value is not null then t.year - f.first_full_year end) as sum_x,
                               sum(case when not t.partial_year then t.value end) as sum_y,
                               sum(case when not t.partial_year then (t.year - f.first_full_year) * t.value end) as sum_xy,
                               sum(case when not t.partial_year and t.value is not null then (t.year - f.first_full_year) * (t.year - f.first_full_year) end) as sum_xx
                        from trends_values t
                        cross join (select min(year) as first_full_year, max(year) as last_full_year from ref_years where not partial) f
                        group by t.unit_code, t.indicator_code
                        """),
                new Step(NAME, """
                        select %s as vintage,
                               u.code as unit_code, u.name as unit_name, u.level, u.parent_code, i.form, i.code as indicator_code, t.year, t.partial_year,
                               t.value, t.value_source,
                               case when not t.partial_year and not p.partial_year then t.value - p.value end as yoy_abs,
                               case when not t.partial_year and not p.partial_year and p.value <> 0 then 100 * (t.value - p.value) / p.value end as yoy_pct,
                               case when t.partial_year then t.value * y.annualise_factor end as annualised_value,
                               case when t.partial_year and not p.partial_year and p.value <> 0
                                    then 100 * (t.value * y.annualise_factor - p.value) / p.value end as yoy_pct_annualised,
                               s.last_full_value - s.first_full_value as change_2021_2024_abs,
                               case when s.first_full_value <> 0 then 100 * (s.last_full_value - s.first_full_value) / s.first_full_value end as change_2021_2024_pct,
                               case when s.first_full_value > 0 and s.last_full_value >= 0 and s.full_span > 0
                                    then 100 * (power(s.last_full_value / s.first_full_value, 1 / cast(s.full_span as double)) - 1) end as cagr_2021_2024,
                               case when s.points >= 2
                                    then (s.points * s.sum_xy - s.sum_x * s.sum_y) / cast(s.points * s.sum_xx - s.sum_x * s.sum_x as double) end as slope,
                               s.total_value as total_2021_2025
                        from trends_values t
                        left join trends_values p on p.unit_code = t.unit_code and p.indicator_code = t.indicator_code and p.year = t.year - 1
                        join trends_series s on s.unit_code = t.unit_code and s.indicator_code = t.indicator_code
                        join ref_units u on u.vintage = %s and u.code = t.unit_code
                        join ref_indicators i on i.code = t.indicator_code
                        join ref_years y on y.year = t.year
                        order by u.level, u.code, i.form, i.position, t.year
                        """.formatted(v, v)));
    }
}
