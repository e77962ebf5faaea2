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
                // let the total be a sum for values and, for ratios, the ratio of the summed terms, never of averaged ratios
                new Step("compare_years", """
                        select 'indicator' as measure_kind, r.indicator_code as code, r.form,
                               r.unit_code, r.unit_name, r.level, r.parent_code, r.year, r.partial_year,
                               coalesce(case when i.value_type = 'yes_no' then r.yes_count else r.value end, r.reported_value) as value,
                               case when (case when i.value_type = 'yes_no' then r.yes_count else r.value end) is not null
                                    then 'rolled_up' else 'reported' end as value_source,
                               coalesce(case when i.value_type = 'yes_no' then r.yes_count else r.value end, r.reported_value) as numerator,
                               cast(null as double) as denominator,
                               'value' as kind,
                               cast(1 as double) as scale
                        from rollup r
                        join ref_indicators i on i.code = r.indicator_code
                        where r.vintage = %s and r.level <> 'nation'
                        union all
                        select 'derived' as measure_kind, d.derived_code as code, cast(null as string) as form,
                               d.unit_code, d.unit_name, d.level, d.parent_code, d.year, d.partial_year,
                               d.value, 'rolled_up' as value_source,
                               d.numerator, d.denominator, k.kind, k.scale
                        from derived d
                        join ref_derived k on k.code = d.derived_code
                        where d.vintage = %s and d.level <> 'nation'
                        """.formatted(v, v)),
                new Step("compare_totals", """
                        select measure_kind, code, form, unit_code, unit_name, level, parent_code,
                               case when kind = 'ratio'
                                    then case when sum(case when numerator is not null then denominator end) > 0
                                              then sum(case when denominator is not null then numerator end) * max(scale)
                                                   / sum(case when numerator is not null then denominator end) end
                                    else sum(value) end as value,
                               case when min(value_source) = max(value_source) then min(value_source) else 'mixed' end as value_source
                        from compare_years
                        group by measure_kind, code, form, unit_code, unit_name, level, parent_code, kind
                        """),
                new Step("compare_series", """
                        select c.measure_kind, c.code, c.unit_code,
                               sum(case when c.year = f.first_year then c.value end) as first_year_value,
                               sum(case when c.year = f.last_full_year then c.value end) as last_full_year_value
                        from compare_years c
                        cross join (select min(year) as first_year, max(case when not partial then year end) as last_full_year from ref_years) f
                        group by c.measure_kind, c.code, c.unit_code
                        """),
                // units without a value for the measure and period are not peers: they are neither ranked nor counted.
                // Values equal to a millionth tie: a sum of decimal figures differs in its last bits with the order the
                // engine added in (DuckDB's threads, Spark's partitions), and a tie must not depend on that
                new Step("compare_ranked", """
                        select m.*,
                               cast(rank() over (partition by m.measure_kind, m.code, m.period, m.year, m.level, m.parent_code
                                                 order by floor(m.value * 1000000 + 0.5) desc) as integer) as rank,
                               cast(count(*) over (partition by m.measure_kind, m.code, m.period, m.year, m.level, m.parent_code) as integer) as peer_count
                        from (select measure_kind, code, form, unit_code, unit_name, level, parent_code, 'year' as period, year, partial_year, value, value_source
                              from compare_years
                              where value is not null
                              union all
                              select measure_kind, code, form, unit_code, unit_name, level, parent_code, 'total' as period, cast(null as integer) as year,
                                     cast(null as boolean) as partial_year, value, value_source
                              from compare_totals
                              where value is not null) m
                        """),
                // percentile = (peers - rank) / (peers - 1): 1 - percent_rank() in descending order, so ties take the
                // highest; quartile from the same ratio in integers, so its boundaries have no rounding
                new Step(NAME, """
                        select %s as vintage, r.measure_kind, r.code, r.form,
                               r.unit_code, r.unit_name, r.level, r.parent_code, r.period, r.year, r.partial_year,
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
                        join compare_series s on s.measure_kind = r.measure_kind and s.code = r.code and s.unit_code = r.unit_code
                        order by r.measure_kind, r.code, r.period desc, r.year, r.level, r.parent_code, r.rank, r.unit_code
                        """.formatted(v)));
    }
}
