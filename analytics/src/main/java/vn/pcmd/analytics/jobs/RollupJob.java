package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * rollup: every indicator for every unit at every level of a vintage (commune; district in vintage 2024; province;
 * nation), per year, from each sender's latest figures.
 *
 * <p>Communes' figures (and departments' Phụ lục IA) land on their unit in the vintage (ref_unit_map, rules in
 * {@link vn.pcmd.analytics.reference.UnitMapping}) and are summed up the hierarchy (ref_ancestors). Consolidated
 * Phụ lục IIA sent by a district or province is kept beside the rolled-up value as {@code reported_value}, never
 * added to it. Yes/no indicators roll up as the number of units answering yes and their share of those answering.
 */
public final class RollupJob extends SqlJob {
    public static final String NAME = "rollup";

    public RollupJob() {
        super(NAME, "Tổng hợp mọi chỉ tiêu theo đơn vị và cấp (roll-up by unit and level)");
    }

    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // each current figure on the unit it lands on in this vintage; district and province IIA is "reported"
                new Step("rollup_landed", """
                        select m.target_code, m.target_level, f.unit_code as reporter_code, f.unit_level as reporter_level,
                               f.form, f.indicator_code, f.year, f.value,
                               case when f.form = 'IIA' and f.unit_level <> 'commune'
                                    then (case when f.unit_level = m.target_level then 'reported' else 'dropped' end)
                                    else 'source' end as role
                        from current_facts f
                        join ref_unit_map m on m.vintage = %s and m.reporter_code = f.unit_code
                        """.formatted(v)),
                // summed per reporter on the unit it lands on first, so the climb up the hierarchy handles one row per
                // reporter, not per fact; a reporter lands on one unit, so counting these rows above counts reporters
                new Step("rollup_on_target", """
                        select l.target_code, l.reporter_code, l.form, l.indicator_code, l.year,
                               sum(l.value) as value,
                               sum(case when i.value_type = 'yes_no' then l.value end) as yes_count,
                               sum(case when i.value_type = 'yes_no' then 1 end) as answered_count
                        from rollup_landed l
                        join ref_indicators i on i.code = l.indicator_code
                        where l.role = 'source'
                        group by l.target_code, l.reporter_code, l.form, l.indicator_code, l.year
                        """),
                new Step("rollup_reported", """
                        select target_code as unit_code, indicator_code, year,
                               sum(value) as reported_value,
                               count(distinct reporter_code) as reported_by
                        from rollup_landed
                        where role = 'reported'
                        group by target_code, indicator_code, year
                        """),
                // rolled-up and reported figures side by side in one grouping: the reported rows add nothing to the
                // rolled-up columns and the rolled-up rows nothing to the reported ones
                new Step("rollup_rolled", """
                        select unit_code, indicator_code, year,
                               sum(value) as value,
                               sum(reporting_units) as reporting_units,
                               sum(yes_count) as yes_count,
                               sum(answered_count) as answered_count,
                               sum(reported_value) as reported_value,
                               sum(reported_by) as reported_by
                        from (select a.ancestor_code as unit_code, t.indicator_code, t.year,
                                     t.value, 1 as reporting_units, t.yes_count, t.answered_count,
                                     cast(null as double) as reported_value, 0 as reported_by
                              from rollup_on_target t
                              join ref_ancestors a on a.vintage = %s and a.unit_code = t.target_code
                              union all
                              select unit_code, indicator_code, year,
                                     cast(null as double) as value, 0 as reporting_units, cast(null as double) as yes_count, cast(null as integer) as answered_count,
                                     reported_value, reported_by
                              from rollup_reported) x
                        group by unit_code, indicator_code, year
                        """.formatted(v)),
                new Step(NAME, """
                        select %s as vintage,
                               r.unit_code, u.name as unit_name, u.level, u.parent_code, u.province_code,
                               i.form, i.agency, r.indicator_code, r.year,
                               r.value,
                               r.reported_value,
                               cast(r.reporting_units as integer) as reporting_units,
                               cast(r.reported_by as integer) as reported_by,
                               r.yes_count,
                               cast(r.answered_count as integer) as answered_count,
                               case when r.answered_count > 0 then cast(r.yes_count as double) / r.answered_count end as yes_share,
                               y.partial as partial_year
                        from rollup_rolled r
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_indicators i on i.code = r.indicator_code
                        join ref_years y on y.year = r.year
                        order by u.level, r.unit_code, i.form, i.position, r.year
                        """.formatted(v, v)));
    }
}
