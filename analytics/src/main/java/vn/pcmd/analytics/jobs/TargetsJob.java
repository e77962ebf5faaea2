package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * targets: every target of {@code data/targets/targets.csv} for every unit of the vintage at the level it applies to
 * and every year of its period, with its verdict. Columns and rules in docs/marts.md.
 *
 * <p>The comparators keep the semantics of {@link vn.pcmd.core.targets.TargetComparator}: {@code =} with a positive
 * threshold is met on reaching it (shares counted in visits can pass 100 %), {@code = 0} only by exactly 0. Growth
 * targets are judged on the year-on-year % change of the derived value.
 *
 * <p>The half year 2025 (01/01–30/06): a derived value that is a sum of yearly figures (kind {@code value} over
 * {@code sum} terms: documents issued, offenders prosecuted, news items) is judged on its annualised estimate
 * (× {@code ref_years.annualise_factor}), both against a yearly count threshold and, for growth, against the full
 * year before; such rows say {@code annualised = true}. Shares and counts of units are judged as they stand: six
 * months of a share are still a share, and a commune that ran an activity by June has run one in the year.
 */
public final class TargetsJob extends SqlJob {
    public static final String NAME = "targets";

    public TargetsJob() {
        super(NAME, "Đánh giá chỉ tiêu kế hoạch theo đơn vị và năm (plan targets: actual, threshold, met / not met / no data, gap)", DerivedJob.NAME);
    }

    /** 0 … 99: the years of a period are period_from + an offset, without an engine's own sequence function. */
    private static final String OFFSETS = """
            (select tens.digit * 10 + ones.digit as year_offset
             from (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
                   union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) tens
             cross join (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
                   union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) ones)""";




    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // which derived indicators add up yearly figures, and so may be annualised for a half year
                new Step("targets_annualisable", """
                        select r.code as derived_code,
                               case when r.kind = 'value' and min(t.kind) = 'sum' and max(t.kind) = 'sum' then true else false end as annualisable
                        from ref_derived r
                        join ref_derived_terms t on t.derived_code = r.code and t.role = 'numerator'
                        group by r.code, r.kind
                        """),
                // one row per target × unit × year, keys only: the texts join once, at the end
                new Step("targets_cells", """
                        select t.target_id, u.code as unit_code, t.period_from + o.year_offset as year
                        from ref_targets t
                        join ref_units u on u.vintage = %s and u.level = t.applies_to_level
                        join %s o on o.year_offset <= t.period_to - t.period_from
                        """.formatted(v, OFFSETS)),
                // judged: what is compared with the threshold — the value (annualised for a half-year sum), or for growth
                // the % change from the full year before
                new Step("targets_judged", """
                        select m.*,
                               case when not m.measurable or not m.year_in_data or m.actual is null then cast(null as double)
                                    when m.comparator = 'growth_between' then
                                         case when m.previous_actual is null or m.previous_actual = 0 or m.previous_partial then cast(null as double)
                                              else 100.0 * (m.actual * m.factor - m.previous_actual) / m.previous_actual end
                                    else m.actual * m.factor end as judged_value
                        from (select c.target_id, c.unit_code, c.year, t.measurable, t.comparator, t.threshold, t.threshold_high,
                                     y.year is not null as year_in_data,
                                     coalesce(y.partial, false) as partial_year,
                                     d.year is not null as derived_row,
                                     d.value as actual,
                                     p.value as previous_actual,
                                     coalesce(py.partial, false) as previous_partial,
                                     case when coalesce(y.partial, false) and coalesce(a.annualisable, false) then y.annualise_factor else 1.0 end as factor,
                                     coalesce(y.partial, false) and coalesce(a.annualisable, false) as annualised
                              from targets_cells c
                              join ref_targets t on t.target_id = c.target_id
                              left join ref_years y on y.year = c.year
                              left join targets_annualisable a on a.derived_code = t.derived_code
                              left join derived d on d.vintage = %s and d.unit_code = c.unit_code and d.derived_code = t.derived_code and d.year = c.year
                              left join derived p on p.vintage = %s and p.unit_code = c.unit_code and p.derived_code = t.derived_code and p.year = c.year - 1
                              left join ref_years py on py.year = c.year - 1) m
                        """.formatted(v, v)),
                new Step(NAME, """
                        select %s as vintage, j.target_id, t.plan_id, t.text_vi, t.derived_code, j.unit_code, u.name as unit_name, u.level, j.year, j.partial_year,
                               j.actual, j.previous_actual,
                               j.judged_value,
                               j.annualised and j.judged_value is not null as annualised,
                               t.comparator, t.threshold, t.threshold_high,
                               case when not j.measurable then 'not_measurable'
                                    when j.judged_value is null then 'no_data'
                                    when j.comparator = '>=' and j.judged_value >= j.threshold then 'met'
                                    when j.comparator = '>' and j.judged_value > j.threshold then 'met'
                                    when j.comparator = '=' and j.threshold = 0 and j.judged_value = 0 then 'met'
                                    when j.comparator = '=' and j.threshold <> 0 and j.judged_value >= j.threshold then 'met'
                                    when j.comparator = '<=' and j.judged_value <= j.threshold then 'met'
                                    when j.comparator = 'growth_between' and j.judged_value >= j.threshold and j.judged_value <= j.threshold_high then 'met'
                                    else 'not_met' end as status,
                               j.judged_value - j.threshold as gap,
                               case when not j.measurable then t.not_measurable_reason
                                    when not j.year_in_data then 'The forms of the period hold no figures for ' || cast(j.year as string)
                                    when j.actual is null and j.derived_row then 'The derived value has no denominator (missing or 0)'
                                    when j.actual is null then 'No figures for the unit in this year'
                                    when j.comparator = 'growth_between' and j.previous_actual is null then 'No value for the year before, so no growth'
                                    when j.comparator = 'growth_between' and j.previous_actual = 0 then 'The value of the year before is 0, so growth has no value'
                                    when j.comparator = 'growth_between' and j.previous_partial then 'The year before is a half year'
                                    when j.comparator = 'growth_between' and j.judged_value > j.threshold_high then 'Growth above the band (exceeded)'
                                    end as reason
                        from targets_judged j
                        join ref_targets t on t.target_id = j.target_id
                        join ref_units u on u.vintage = %s and u.code = j.unit_code
                        order by j.target_id, j.unit_code, j.year
                        """.formatted(v, v)));
    }
}
