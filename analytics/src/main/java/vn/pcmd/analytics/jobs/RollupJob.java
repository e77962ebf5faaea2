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
 * {@link vn.pcmd.analytics.reference.UnitMapping}) and are summed up the hierarchy (ref_ancestors), every level in
 * one grouping. Consolidated Phụ lục IIA sent by a district or province is kept beside the rolled-up value as
 * {@code reported_value}, never added to it. Yes/no indicators roll up as the number of units answering yes and their share of those answering.
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
                // each unit of the vintage with the unit above it at each level (itself at its own level): one row per
                // unit, so that a figure climbs the hierarchy in one grouping instead of one joined row per ancestor
                new Step("rollup_levels", """
                        select a.unit_code,
                               max(case when a.ancestor_level = 'commune' then a.ancestor_code end) as commune_code,
                               max(case when a.ancestor_level = 'district' then a.ancestor_code end) as district_code,
                               max(case when a.ancestor_level = 'province' then a.ancestor_code end) as province_code,
                               max(case when a.ancestor_level = 'nation' then a.ancestor_code end) as nation_code
                        from ref_ancestors a
                        where a.vintage = %s
                        group by a.unit_code
                        """.formatted(v)),
                // each reporter's current figures summed on the unit they land on in this vintage, so that the climb up
                // the hierarchy handles one row per unit, not per reporter. A reporter is a unit and a form: the
                // departments of a province (IA) make one reporter, summed first; any other sender is one reporter
                // already (ingest keeps one figure per sender, indicator and year), so counting rows counts reporters.
                // District and province IIA is "reported": it counts at its own unit only, never climbs, and is left out
                // where it lands on a unit of another level
                new Step("rollup_on_target", """
                        select m.target_code, m.target_level, f.indicator_code, f.year, f.reported,
                               sum(f.value) as value, count(*) as reporters, sum(f.facts) as facts
                        from (select unit_code, unit_level, indicator_code, year, value, 1 as facts,
                                     form = 'IIA' and unit_level <> 'commune' as reported
                              from current_facts
                              where agency is null
                              union all
                              select unit_code, unit_level, indicator_code, year, sum(value) as value, count(*) as facts,
                                     form = 'IIA' and unit_level <> 'commune' as reported
                              from current_facts
                              where agency is not null
                              group by unit_code, unit_level, form, indicator_code, year) f
                        join ref_unit_map m on m.vintage = %s and m.reporter_code = f.unit_code
                        where not f.reported or f.unit_level = m.target_level
                        group by m.target_code, m.target_level, f.indicator_code, f.year, f.reported
                        """.formatted(v)),
                // the level columns say where a sum counts: at its unit and every unit above it, or (reported) at its own
                // unit only
                new Step("rollup_landed", """
                        select i.code as indicator_code, t.year, i.value_type = 'yes_no' as yes_no, t.value, t.reporters, t.facts, t.reported,
                               case when not t.reported or t.target_level = 'commune' then a.commune_code end as commune_code,
                               case when not t.reported or t.target_level = 'district' then a.district_code end as district_code,
                               case when not t.reported or t.target_level = 'province' then a.province_code end as province_code,
                               case when not t.reported then a.nation_code end as nation_code
                        from rollup_on_target t
                        join rollup_levels a on a.unit_code = t.target_code
                        join ref_indicators i on i.code = t.indicator_code
                        """),
                // sums rounded to a millionth: the forms' decimal figures (funding, loans) carry far fewer decimals, and a
                // sum of doubles depends in its last bits on the order of addition, which differs between engines and
                // between runs of one engine; rounded, equal sums are equal, and a year-on-year change between them is 0
                new Step(NAME, """
                        select %s as vintage,
                               u.code as unit_code, u.name as unit_name, u.level, u.parent_code, u.province_code,
                               i.form, i.agency, i.code as indicator_code, r.year,
                               round(r.value, 6) as value,
                               round(r.reported_value, 6) as reported_value,
                               cast(r.reporting_units as integer) as reporting_units,
                               cast(r.reported_by as integer) as reported_by,
                               r.yes_count,
                               cast(r.answered_count as integer) as answered_count,
                               case when r.answered_count > 0 then cast(r.yes_count as double) / r.answered_count end as yes_share,
                               y.partial as partial_year
                        from (select coalesce(commune_code, district_code, province_code, nation_code) as unit_code, indicator_code, year,
                                     sum(case when not reported then value end) as value,
                                     sum(case when reported then 0 else reporters end) as reporting_units,
                                     sum(case when not reported and yes_no then value end) as yes_count,
                                     sum(case when not reported and yes_no then facts end) as answered_count,
                                     sum(case when reported then value end) as reported_value,
                                     sum(case when reported then reporters else 0 end) as reported_by
                              from rollup_landed
                              group by grouping sets ((commune_code, indicator_code, year), (district_code, indicator_code, year),
                                                      (province_code, indicator_code, year), (nation_code, indicator_code, year))) r
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_indicators i on i.code = r.indicator_code
                        join ref_years y on y.year = r.year
                        order by u.level, u.code, i.form, i.position, r.year
                        """.formatted(v, v)));
    }
}
