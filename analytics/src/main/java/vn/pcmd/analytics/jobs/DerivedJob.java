package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * derived: the derived indicators of {@code data/catalog/.../derived.csv} (the measures of the plans' targets) for
 * every unit at every level of a vintage, per year. Columns and rules in docs/marts.md.
 *
 * <p>A ratio is always the ratio of summed numerators and denominators at the unit, never an average of its
 * children's ratios. The terms:
 * <ul>
 * <li>{@code sum}: the rolled-up values (rollup {@code value}) of the listed indicators at the unit. Consolidated
 * reports ({@code reported_value}) are left out, as in the rollup, so nothing is counted twice.</li>
 * <li>{@code units_positive}, {@code units_yes}, {@code units_reporting}: counts of the units of the counted level at
 * or below the unit, each judged on its own current figures as they land in the vintage: communes' IIA landing on a
 * commune of the vintage (figures of several old communes landing on one new commune make one unit), or districts'
 * own IIA landing on their district — vintage 2025 has no districts, so those counts have no value there. The
 * counted units are the ones that sent the form that year; the positive and yes counts are taken among them, so a
 * numerator and its {@code units_reporting} denominator always count the same population.</li>
 * </ul>
 */
public final class DerivedJob extends SqlJob {
    public static final String NAME = "derived";

    public DerivedJob() {
        super(NAME, "Chỉ tiêu dẫn xuất đo các chỉ tiêu kế hoạch (derived indicators: shares and counts, from summed numerators and denominators)", RollupJob.NAME);
    }

    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // sum terms: the rollup's values at the unit, which already climb the hierarchy
                new Step("derived_sums", """
                        select r.unit_code, t.derived_code, t.role, r.year, sum(r.value) as amount
                        from ref_derived_terms t
                        join rollup r on r.indicator_code = t.indicator_code
                        where t.kind = 'sum' and r.vintage = %s and r.value is not null
                        group by r.unit_code, t.derived_code, t.role, r.year
                        """.formatted(v)),
                // the units a units_* term counts: a commune reporter landing on a commune, or a district's own report on
                // its district; one row per counted unit, form and year it sent (it has current figures of the form that
                // year: submission_years, one row per submission and year, not per figure)
                new Step("derived_counted_units", """
                        select distinct m.target_code as counted_code, s.unit_level as counted_level, s.form, s.year
                        from submission_years s
                        join ref_unit_map m on m.vintage = %s and m.reporter_code = s.unit_code
                        where s.current and s.unit_level in ('commune', 'district') and m.target_level = s.unit_level
                        """.formatted(v)),
                // their own figures on the indicators a units_positive or units_yes term reads (max over the old
                // communes landing on one new commune: one of them above 0, or answering yes, makes the unit count)
                new Step("derived_counted_values", """
                        select m.target_code as counted_code, f.unit_level as counted_level, f.indicator_code, f.year, max(f.value) as value
                        from current_facts f
                        join (select distinct indicator_code from ref_derived_terms where kind in ('units_positive', 'units_yes')) x
                          on x.indicator_code = f.indicator_code
                        join ref_unit_map m on m.vintage = %s and m.reporter_code = f.unit_code
                        where f.unit_level in ('commune', 'district') and m.target_level = f.unit_level
                        group by m.target_code, f.unit_level, f.indicator_code, f.year
                        """.formatted(v)),
                // each units_* term with the form whose senders it counts
                new Step("derived_count_terms", """
                        select distinct t.derived_code, t.role, t.kind, t.counted_level, coalesce(t.form, i.form) as form
                        from ref_derived_terms t
                        left join ref_indicators i on i.code = t.indicator_code
                        where t.kind in ('units_positive', 'units_yes', 'units_reporting')
                        """),
                // 1 when the counted unit counts for the term, 0 when it sent the form but does not
                new Step("derived_counted", """
                        select c.derived_code, c.role, u.counted_code, u.year,
                               max(case when c.kind = 'units_reporting' then 1
                                        when c.kind = 'units_positive' and x.value > 0 then 1
                                        when c.kind = 'units_yes' and x.value = 1 then 1
                                        else 0 end) as hit
                        from derived_count_terms c
                        join derived_counted_units u on u.counted_level = c.counted_level and u.form = c.form
                        left join ref_derived_terms t on t.derived_code = c.derived_code and t.role = c.role and t.indicator_code is not null
                        left join derived_counted_values x on x.counted_code = u.counted_code and x.counted_level = u.counted_level
                                                          and x.year = u.year and x.indicator_code = t.indicator_code
                        group by c.derived_code, c.role, u.counted_code, u.year
                        """),
                new Step("derived_counts", """
                        select a.ancestor_code as unit_code, c.derived_code, c.role, c.year, cast(sum(c.hit) as double) as amount
                        from derived_counted c
                        join ref_ancestors a on a.vintage = %s and a.unit_code = c.counted_code
                        group by a.ancestor_code, c.derived_code, c.role, c.year
                        """.formatted(v)),
                new Step("derived_terms", """
                        select unit_code, derived_code, role, year, amount from derived_sums
                        union all
                        select unit_code, derived_code, role, year, amount from derived_counts
                        """),
                // the scale multiplies before the division: a share of 4 in 5 is then exactly 80, which targets compare
                new Step(NAME, """
                        select %s as vintage, u.code as unit_code, u.name as unit_name, u.level, u.parent_code, r.code as derived_code, k.year,
                               k.numerator, k.denominator,
                               case when r.kind = 'value' then k.numerator
                                    when k.denominator is null or k.denominator = 0 then cast(null as double)
                                    else k.numerator * r.scale / k.denominator end as value,
                               y.partial as partial_year
                        from (select unit_code, derived_code, year,
                                     max(case when role = 'numerator' then amount end) as numerator,
                                     max(case when role = 'denominator' then amount end) as denominator
                              from derived_terms
                              group by unit_code, derived_code, year) k
                        join ref_derived r on r.code = k.derived_code
                        join ref_units u on u.vintage = %s and u.code = k.unit_code
                        join ref_years y on y.year = k.year
                        order by u.level, u.code, r.code, k.year
                        """.formatted(v, v)));
    }
}
