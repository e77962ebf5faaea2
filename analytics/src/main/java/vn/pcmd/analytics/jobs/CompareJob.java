package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * compare: each unit against its peers — the units of the same vintage, level and parent — on every indicator, per
 * year and on the 2021–2025 total: rank, percentile, quartile, and the change from the first year to the last full
 * year; and the same on the derived indicators (the {@code derived} mart), whose 2021–2025 total is the ratio of the
 * summed numerators and denominators. Columns and rules in docs/marts.md.
 *
 * <p>Ties share a rank (1 = highest, the next rank skips), and percentile and quartile are read off that rank, so
 * tied units always share all three. The nation has no peers and is left out.
 */
public final class CompareJob extends SqlJob {
    public static final String NAME = "compare";

    public CompareJob() {
        super(NAME, "So sánh đơn vị cùng cấp, cùng cấp trên (rank, percentile and quartile among peers, per year and on the 2021–2025 total)", RollupJob.NAME, DerivedJob.NAME);
    }

    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // indicators: the value trends shows (rolled up where anything rolled up, else the unit's own report; yes/no
                // as the yes count); derived indicators: the derived mart's value. Numerator, denominator, kind and scale
                // let the total be a sum for values and, for ratios, the ratio of the summed terms, never of averaged ratios.
                // Keys (ref_measures, ref_units) and figures only, with the level and parent that make the peers: the
                // texts join once, at the end
                new Step("compare_years", """
                        select m.measure_kind, m.code, u.code as unit_code, u.level, u.parent_code, r.year, r.partial_year,
                               coalesce(case when m.value_type = 'yes_no' then r.yes_count else r.value end, r.reported_value) as value,
                               case when (case when m.value_type = 'yes_no' then r.yes_count else r.value end) is not null
                                    then 'rolled_up' else 'reported' end as value_source,
                               coalesce(case when m.value_type = 'yes_no' then r.yes_count else r.value end, r.reported_value) as numerator,
                               cast(null as double) as denominator,
                               m.kind, m.scale
                        from rollup r
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_measures m on m.measure_kind = 'indicator' and m.code = r.indicator_code
                        where r.vintage = %s and u.level <> 'nation'
                        union all
                        select m.measure_kind, m.code, u.code as unit_code, u.level, u.parent_code, d.year, d.partial_year,
                               d.value, 'rolled_up' as value_source,
                               d.numerator, d.denominator, m.kind, m.scale
                        from derived d
                        join ref_units u on u.vintage = %s and u.code = d.unit_code
                        join ref_measures m on m.measure_kind = 'derived' and m.code = d.derived_code
                        where d.vintage = %s and u.level <> 'nation'
                        """.formatted(v, v, v, v)),
                // per unit and measure: the 2021–2025 total, and the values of the first year and the last full year
                new Step("compare_totals", """
                        select c.measure_kind, c.code, c.unit_code, c.level, c.parent_code,
                               case when c.kind = 'ratio'
                                    then case when sum(case when c.numerator is not null then c.denominator end) > 0
                                              then sum(case when c.denominator is not null then c.numerator end) * max(c.scale)
                                                   / sum(case when c.numerator is not null then c.denominator end) end
                                    else sum(c.value) end as value,
                               case when min(c.value_source) = max(c.value_source) then min(c.value_source) else 'mixed' end as value_source,
                               sum(case when c.year = f.first_year then c.value end) as first_year_value,
                               sum(case when c.year = f.last_full_year then c.value end) as last_full_year_value
                        from compare_years c
                        cross join (select min(year) as first_year, max(case when not partial then year end) as last_full_year from ref_years) f
                        group by c.measure_kind, c.code, c.unit_code, c.level, c.parent_code, c.kind
                        """),
                // units without a value for the measure and period are not peers: they are neither ranked nor counted. The
                // peers share measure, year (null on totals, so the period needs no key of its own), level and parent.
                // Values equal to a millionth tie: a sum of decimal figures differs in its last bits with the order the
                // engine added in (DuckDB's threads, Spark's partitions), and a tie must not depend on that
                new Step("compare_ranked", """
                        select m.*,
                               cast(rank() over (partition by m.measure_kind, m.code, m.year, m.level, m.parent_code order by floor(m.value * 1000000 + 0.5) desc) as integer) as rank,
                               cast(count(*) over (partition by m.measure_kind, m.code, m.year, m.level, m.parent_code) as integer) as peer_count
                        from (select measure_kind, code, unit_code, level, parent_code, 'year' as period, year, partial_year, value, value_source
                              from compare_years
                              where value is not null
                              union all
                              select measure_kind, code, unit_code, level, parent_code, 'total' as period, cast(null as integer) as year,
                                     cast(null as boolean) as partial_year, value, value_source
                              from compare_totals
                              where value is not null) m
                        """),
                // percentile = (peers - rank) / (peers - 1): 1 - percent_rank() in descending order, so ties take the
                // highest; quartile from the same ratio in integers, so its boundaries have no rounding
                new Step(NAME, """
                        select %s as vintage, r.measure_kind, r.code, m.form,
                               u.code as unit_code, u.name as unit_name, u.level, u.parent_code, r.period, r.year, r.partial_year,
                               r.value, r.value_source, r.rank, r.peer_count,
                               case when r.peer_count = 1 then cast(1 as double)
                                    else cast(r.peer_count - r.rank as double) / (r.peer_count - 1) end as percentile,
                               case when 4 * (r.peer_count - r.rank) >= 3 * (r.peer_count - 1) then 1
                                    when 4 * (r.peer_count - r.rank) >= 2 * (r.peer_count - 1) then 2
                                    when 4 * (r.peer_count - r.rank) >= r.peer_count - 1 then 3
                                    else 4 end as quartile,
                               s.first_year_value, s.last_full_year_value,
                               case when s.first_year_value <> 0
                                    then 100 * (s.last_full_year_value - s.first_year_value) / s.first_year_value end as change_first_to_last_full_year_pct
                        from compare_ranked r
                        join compare_totals s on s.measure_kind = r.measure_kind and s.code = r.code and s.unit_code = r.unit_code
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_measures m on m.measure_kind = r.measure_kind and m.code = r.code
                        order by r.measure_kind, r.code, r.period desc, r.year, u.level, u.parent_code, r.rank, u.code
                        """.formatted(v, v)));
    }
}
