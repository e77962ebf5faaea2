package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.SqlJob;
import vn.pcmd.analytics.job.Step;
import vn.pcmd.analytics.jobs.SqlText.Language;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.units.Vintage;

import java.util.List;

import static vn.pcmd.analytics.jobs.SqlText.dateIso;
import static vn.pcmd.analytics.jobs.SqlText.dateVi;
import static vn.pcmd.analytics.jobs.SqlText.dayNumber;
import static vn.pcmd.analytics.jobs.SqlText.number;
import static vn.pcmd.analytics.jobs.SqlText.oneDecimal;
import static vn.pcmd.analytics.jobs.SqlText.percent;

/**
 * quality: how far the figures can be trusted, as one table of checks, each row saying why in Vietnamese and English.
 * Columns and rules in docs/marts.md.
 *
 * <ul>
 * <li>{@code completeness}: reporters that sent a form for a year against those expected (the units existing that
 * year, ref_expected_reporters), per vintage province and for the nation, per reporter level and form.</li>
 * <li>{@code timeliness}: each current submission's date against the deadline of its form and level.</li>
 * <li>{@code validation_warning}: the warnings ingest kept with current submissions.</li>
 * <li>{@code reported_vs_rolled_up}: a unit's own consolidated report that differs from the sum of its reporters.</li>
 * <li>{@code outlier_peers}: robust z-score (median and MAD) among the units of the same level and parent.</li>
 * <li>{@code outlier_jump}: a value more than 3× or under a third of the unit's previous year.</li>
 * </ul>
 * Completeness and timeliness keep a row for every case, flagged or not; the other checks keep flagged rows only.
 * Yes/no indicators are left out of the numeric checks: their figures are answers, not amounts.
 */
public final class QualityJob extends SqlJob {
    public static final String NAME = "quality";

    public QualityJob() {
        super(NAME, "Chất lượng số liệu: đầy đủ, đúng hạn, cảnh báo, chênh lệch, giá trị bất thường (data quality checks, each saying why)", RollupJob.NAME);
    }

    /** A peer is an outlier when |z| exceeds this (Iglewicz and Hoaglin's cut-off for the modified z-score). */
    static final String PEER_Z_LIMIT = "3.5";
    static final String PEER_MINIMUM = "5";
    /*
     * Limits are compared with a margin of SqlText.TOLERANCE: figures summed from decimals (funding, loans) miss an
     * exact ratio by the last bits, differently in each engine (21 against a year-before of 7 summed as
     * 6.999999999999999 is not a jump of more than 3 times).
     */
    /** Jumps: more than this factor up, or under its inverse down… */
    static final String JUMP_FACTOR = "3";
    /** …between figures both at least this large, so that 1 → 4 is not news. */
    static final String JUMP_MINIMUM = "5";

    /** The columns of every branch, in order. */
    private static final String COLUMNS = "check_name, level, unit_code, unit_name, province_code, reporter_level, form, agency, indicator_code, year, "
            + "partial_year, value, expected, score, flagged, reason_vi, reason_en, issue_code, submission_id, source_file, cell";




    @Override
    public List<Step> steps(Vintage vintage) {
        String v = "'" + vintage.code() + "'";
        return List.of(
                // the submissions whose figures are current for at least one year, with the province of the vintage they fall in
                new Step("quality_submissions", """
                        select s.submission_id, s.unit_code, s.unit_name, s.unit_level, s.form, s.agency, s.submitted_on, s.source_file,
                               p.target_code as province_code
                        from submissions s
                        join ref_unit_map p on p.vintage = %s and p.reporter_code = s.province_code
                        where s.submission_id in (select submission_id from submission_years where current)
                        """.formatted(v)),
                // the rollup's rolled-up figures the numeric checks read (yes/no rows are answers, not amounts), with the
                // unit's and the indicator's keys and texts from the reference tables
                new Step("quality_values", """
                        select u.code as unit_code, u.name as unit_name, u.level, u.parent_code, u.province_code, i.form, i.agency,
                               i.code as indicator_code, r.year, r.partial_year, r.value, r.reported_value, r.reporting_units
                        from rollup r
                        join ref_units u on u.vintage = %s and u.code = r.unit_code
                        join ref_indicators i on i.code = r.indicator_code
                        where r.vintage = %s and i.value_type <> 'yes_no' and r.value is not null
                        """.formatted(v, v)),
                expected(v),
                completenessCounts(),
                completeness(v),
                timeliness(),
                warnings(),
                disagreements(),
                new Step("quality_peer_values", """
                        select unit_code, unit_name, level, parent_code, province_code, form, agency, indicator_code, year, partial_year, value
                        from quality_values
                        where level <> 'nation'
                        """),
                new Step("quality_peer_medians", """
                        select level, parent_code, indicator_code, year, median(value) as median_value, count(*) as peers
                        from quality_peer_values
                        group by level, parent_code, indicator_code, year
                        having count(*) >= %s
                        """.formatted(PEER_MINIMUM)),
                new Step("quality_peer_spread", """
                        select p.level, p.parent_code, p.indicator_code, p.year,
                               max(m.median_value) as median_value, max(m.peers) as peers,
                               median(abs(p.value - m.median_value)) as mad
                        from quality_peer_values p
                        join quality_peer_medians m on m.level = p.level and m.parent_code = p.parent_code
                                                   and m.indicator_code = p.indicator_code and m.year = p.year
                        group by p.level, p.parent_code, p.indicator_code, p.year
                        """),
                peerOutliers(),
                series(),
                jumps(),
                new Step(NAME, """
                        select %s as vintage, q.check_name as check, q.level, q.unit_code, q.unit_name, q.province_code, q.reporter_level,
                               q.form, q.agency, q.indicator_code, q.year, q.partial_year, q.value, q.expected, q.score, q.flagged,
                               q.reason_vi, q.reason_en, q.issue_code, q.submission_id, q.source_file, q.cell
                        from (select %s from quality_completeness
                              union all select %s from quality_timeliness
                              union all select %s from quality_warnings
                              union all select %s from quality_disagreements
                              union all select %s from quality_peer_outliers
                              union all select %s from quality_jumps) q
                        order by q.check_name, q.unit_code, q.reporter_level nulls first, q.form nulls first, q.agency nulls first,
                                 q.indicator_code nulls first, q.year nulls first, q.submission_id nulls first, q.cell nulls first,
                                 q.issue_code nulls first, q.reason_en nulls first
                        """.formatted(v, COLUMNS, COLUMNS, COLUMNS, COLUMNS, COLUMNS, COLUMNS)));
    }

    /** Each expected reporter with whether it sent, under the province of the vintage it belongs to. */
    private static Step expected(String v) {
        return new Step("quality_expected", """
                select p.target_code as province_code, x.reporter_level, x.form, x.year,
                       case when s.unit_code is null then 0 else 1 end as sent
                from ref_expected_reporters x
                join ref_unit_map p on p.vintage = %s and p.reporter_code = x.province_code
                left join (select distinct unit_code, form, coalesce(agency, '') as agency_key, year from submission_years where current) s
                  on s.unit_code = x.reporter_code and s.form = x.form and s.agency_key = coalesce(x.agency, '') and s.year = x.year
                """.formatted(v));
    }

    private static Step completenessCounts() {
        return new Step("quality_completeness_counts", """
                select province_code as unit_code, reporter_level, form, year, cast(sum(sent) as integer) as sent, cast(count(*) as integer) as expected
                from quality_expected
                group by province_code, reporter_level, form, year
                union all
                select '%s' as unit_code, reporter_level, form, year, cast(sum(sent) as integer) as sent, cast(count(*) as integer) as expected
                from quality_expected
                group by reporter_level, form, year
                """.formatted(ReferenceTables.NATION_CODE));
    }

    private static Step completeness(String v) {
        String whoVi = "(case when g.form = 'IA' then 'sở, ngành' when g.reporter_level = 'commune' then 'đơn vị cấp xã' "
                + "when g.reporter_level = 'district' then 'đơn vị cấp huyện' else 'đơn vị cấp tỉnh' end)";
        String whoEn = "(case when g.form = 'IA' then 'departments' when g.reporter_level = 'commune' then 'communes' "
                + "when g.reporter_level = 'district' then 'districts' else 'provinces' end)";
        String countedVi = "cast(g.sent as string) || '/' || cast(g.expected as string) || ' ' || " + whoVi
                + " || ' đã gửi biểu ' || g.form || ' năm ' || cast(g.year as string)";
        String countedEn = "cast(g.sent as string) || ' of ' || cast(g.expected as string) || ' ' || " + whoEn
                + " || ' sent form ' || g.form || ' for ' || cast(g.year as string)";
        return new Step("quality_completeness", """
                select 'completeness' as check_name, u.level, g.unit_code, u.name as unit_name,
                       case when u.level = 'nation' then cast(null as string) else u.province_code end as province_code,
                       g.reporter_level, g.form, cast(null as string) as agency, cast(null as string) as indicator_code, g.year, y.partial as partial_year,
                       cast(g.sent as double) as value, cast(g.expected as double) as expected, cast(g.sent as double) / g.expected as score,
                       g.sent < g.expected as flagged,
                """ + """
                       case when g.sent < g.expected
                            then 'Thiếu ' || cast(g.expected - g.sent as string) || ' báo cáo: ' || COUNTED_VI || ' (' || PERCENT_VI || '%)'
                            else 'Đủ: ' || COUNTED_VI end as reason_vi,
                       case when g.sent < g.expected
                            then 'Missing ' || cast(g.expected - g.sent as string) || ' reports: ' || COUNTED_EN || ' (' || PERCENT_EN || '%)'
                            else 'Complete: ' || COUNTED_EN end as reason_en,
                """.replace("COUNTED_VI", countedVi).replace("COUNTED_EN", countedEn)
                .replace("PERCENT_VI", percent("g.sent", "g.expected", Language.VI)).replace("PERCENT_EN", percent("g.sent", "g.expected", Language.EN)) + """
                       cast(null as string) as issue_code, cast(null as string) as submission_id, cast(null as string) as source_file,
                       cast(null as string) as cell
                from quality_completeness_counts g
                join ref_units u on u.vintage = %s and u.code = g.unit_code
                join ref_years y on y.year = g.year
                """.formatted(v));
    }

    /** Days after the deadline of the form and the sender's level; no date on the form is unknown, not late. */
    private static Step timeliness() {
        String days = "cast(t.days_after as string)";
        String reasonVi = """
                case when t.deadline is null then 'Chưa có hạn gửi biểu ' || t.form || ' cho cấp này'
                     when t.submitted_on is null then 'Không rõ ngày gửi: biểu không ghi ngày (hạn ' || DEADLINE_VI || ')'
                     when t.days_after > 0 then 'Gửi muộn ' || DAYS || ' ngày: gửi ngày ' || SENT_VI || ', hạn ' || DEADLINE_VI
                     else 'Gửi đúng hạn: ngày ' || SENT_VI || ' (hạn ' || DEADLINE_VI || ')' end""";
        String reasonEn = """
                case when t.deadline is null then 'No deadline is set for form ' || t.form || ' at this level'
                     when t.submitted_on is null then 'Date sent unknown: the form does not record it (deadline ' || DEADLINE_EN || ')'
                     when t.days_after > 0 then 'Sent ' || DAYS || (case when t.days_after = 1 then ' day' else ' days' end) || ' late: on ' || SENT_EN
                          || ', deadline ' || DEADLINE_EN
                     else 'On time: sent ' || SENT_EN || ' (deadline ' || DEADLINE_EN || ')' end""";
        return new Step("quality_timeliness", """
                select 'timeliness' as check_name, t.unit_level as level, t.unit_code, t.unit_name, t.province_code, t.unit_level as reporter_level,
                       t.form, t.agency, cast(null as string) as indicator_code, cast(null as integer) as year, cast(null as boolean) as partial_year,
                       cast(t.days_after as double) as value, cast(null as double) as expected, cast(null as double) as score,
                       coalesce(t.days_after > 0, false) as flagged,
                       REASON_VI as reason_vi,
                       REASON_EN as reason_en,
                       cast(null as string) as issue_code, t.submission_id, t.source_file, cast(null as string) as cell
                from (select s.*, d.deadline,
                             case when s.submitted_on is not null and d.deadline is not null then DAYS_AFTER end as days_after
                      from quality_submissions s
                      left join ref_deadlines d on d.form = s.form and d.reporter_level = s.unit_level) t
                """.replace("REASON_VI", reasonVi).replace("REASON_EN", reasonEn).replace("DAYS_AFTER", dayNumber("s.submitted_on") + " - " + dayNumber("d.deadline"))
                .replace("DEADLINE_VI", dateVi("t.deadline")).replace("DEADLINE_EN", dateIso("t.deadline"))
                .replace("SENT_VI", dateVi("t.submitted_on")).replace("SENT_EN", dateIso("t.submitted_on")).replace("DAYS", days));
    }

    /** The warnings ingest kept with the current submissions, in ingest's own words. */
    private static Step warnings() {
        return new Step("quality_warnings", """
                select 'validation_warning' as check_name, s.unit_level as level, s.unit_code, s.unit_name, s.province_code, s.unit_level as reporter_level,
                       s.form, s.agency, i.indicator_code, i.year, y.partial as partial_year,
                       cast(null as double) as value, cast(null as double) as expected, cast(null as double) as score, true as flagged,
                       coalesce(i.message_vi, i.code) as reason_vi, coalesce(i.message_en, i.code) as reason_en,
                       i.code as issue_code, s.submission_id, s.source_file, i.cell
                from issues i
                join quality_submissions s on s.submission_id = i.submission_id
                left join ref_years y on y.year = i.year
                """);
    }

    /** A unit's own consolidated report against the sum of the reporters below it (yes/no rows compare nothing alike). */
    private static Step disagreements() {
        String difference = "(r.reported_value - r.value)";
        String signedVi = "(case when " + difference + " > 0 then '+' else '' end || " + number(difference, Language.VI) + ")";
        String signedEn = "(case when " + difference + " > 0 then '+' else '' end || " + number(difference, Language.EN) + ")";
        return new Step("quality_disagreements", """
                select 'reported_vs_rolled_up' as check_name, r.level, r.unit_code, r.unit_name, r.province_code, cast(null as string) as reporter_level,
                       r.form, r.agency, r.indicator_code, r.year, r.partial_year,
                       r.reported_value as value, r.value as expected, r.reported_value - r.value as score, true as flagged,
                       'Số tự tổng hợp ' || REPORTED_VI || ' khác tổng ' || ROLLED_VI || ' cộng từ ' || cast(r.reporting_units as string)
                           || ' đơn vị báo cáo (chênh ' || SIGNED_VI || ')' as reason_vi,
                       'Own consolidated report ' || REPORTED_EN || ' differs from ' || ROLLED_EN || ', the sum of ' || cast(r.reporting_units as string)
                           || ' reporters (difference ' || SIGNED_EN || ')' as reason_en,
                       cast(null as string) as issue_code, cast(null as string) as submission_id, cast(null as string) as source_file,
                       cast(null as string) as cell
                from quality_values r
                where r.reported_value is not null and abs(r.reported_value - r.value) > 0.000001
                """.replace("REPORTED_VI", number("r.reported_value", Language.VI)).replace("REPORTED_EN", number("r.reported_value", Language.EN))
                .replace("ROLLED_VI", number("r.value", Language.VI)).replace("ROLLED_EN", number("r.value", Language.EN))
                .replace("SIGNED_VI", signedVi).replace("SIGNED_EN", signedEn));
    }

    /** Robust z = 0.6745 (x − median) / MAD among peers; flagged beyond ±3.5 where MAD > 0 and there are 5 peers or more. */
    private static Step peerOutliers() {
        return new Step("quality_peer_outliers", """
                select 'outlier_peers' as check_name, o.level, o.unit_code, o.unit_name, o.province_code, cast(null as string) as reporter_level,
                       o.form, o.agency, o.indicator_code, o.year, o.partial_year,
                       o.value, o.median_value as expected, o.z as score, true as flagged,
                       case when o.z > 0 then 'Cao bất thường' else 'Thấp bất thường' end || ' trong ' || cast(o.peers as string)
                           || ' đơn vị cùng cấp, cùng cấp trên: ' || VALUE_VI || ', trung vị ' || MEDIAN_VI || ' (z = ' || Z_VI || ')' as reason_vi,
                       case when o.z > 0 then 'Unusually high' else 'Unusually low' end || ' among ' || cast(o.peers as string)
                           || ' units of the same level and parent: ' || VALUE_EN || ', median ' || MEDIAN_EN || ' (robust z = ' || Z_EN || ')' as reason_en,
                       cast(null as string) as issue_code, cast(null as string) as submission_id, cast(null as string) as source_file,
                       cast(null as string) as cell
                from (select p.*, s.median_value, cast(s.peers as integer) as peers, 0.6745 * (p.value - s.median_value) / s.mad as z
                      from quality_peer_values p
                      join quality_peer_spread s on s.level = p.level and s.parent_code = p.parent_code
                                                and s.indicator_code = p.indicator_code and s.year = p.year
                      where s.mad > 0) o
                where abs(o.z) > LIMIT * (1 + TOLERANCE)
                """.replace("LIMIT", PEER_Z_LIMIT).replace("TOLERANCE", SqlText.TOLERANCE)
                .replace("VALUE_VI", number("o.value", Language.VI)).replace("VALUE_EN", number("o.value", Language.EN))
                .replace("MEDIAN_VI", number("o.median_value", Language.VI)).replace("MEDIAN_EN", number("o.median_value", Language.EN))
                .replace("Z_VI", oneDecimal("o.z", Language.VI)).replace("Z_EN", oneDecimal("o.z", Language.EN)));
    }

    /** Each value with the unit's previous one; a part year is compared annualised, and never serves as the previous. */
    private static Step series() {
        return new Step("quality_series", """
                select r.unit_code, r.unit_name, r.level, r.province_code, r.form, r.agency, r.indicator_code, r.year, r.partial_year, r.value,
                       y.annualise_factor as factor,
                       r.value * (case when y.partial then y.annualise_factor else 1.0 end) as compared,
                       lag(r.value) over (partition by r.unit_code, r.indicator_code order by r.year) as previous_value,
                       lag(r.year) over (partition by r.unit_code, r.indicator_code order by r.year) as previous_year,
                       lag(y.partial) over (partition by r.unit_code, r.indicator_code order by r.year) as previous_partial
                from quality_values r
                join ref_years y on y.year = r.year
                """);
    }

    private static Step jumps() {
        String ratio = "(j.compared / j.previous_value)";
        return new Step("quality_jumps", """
                select 'outlier_jump' as check_name, j.level, j.unit_code, j.unit_name, j.province_code, cast(null as string) as reporter_level,
                       j.form, j.agency, j.indicator_code, j.year, j.partial_year,
                       j.compared as value, j.previous_value as expected, RATIO as score, true as flagged,
                       case when j.compared > j.previous_value then 'Tăng đột biến: ' else 'Giảm đột biến: ' end || COMPARED_VI
                           || case when j.partial_year then ' (năm ' || cast(j.year as string) || ' chưa trọn năm, quy năm: ' || VALUE_VI || ' × ' || FACTOR_VI || ')'
                                   else '' end
                           || ' so với ' || PREVIOUS_VI || ' năm ' || cast(j.previous_year as string) || ' (×' || RATIO_VI || ')' as reason_vi,
                       case when j.compared > j.previous_value then 'Jump: ' else 'Drop: ' end || COMPARED_EN
                           || case when j.partial_year then ' (' || cast(j.year as string) || ' is a part year, annualised: ' || VALUE_EN || ' × ' || FACTOR_EN || ')'
                                   else '' end
                           || ' against ' || PREVIOUS_EN || ' in ' || cast(j.previous_year as string) || ' (×' || RATIO_EN || ')' as reason_en,
                       cast(null as string) as issue_code, cast(null as string) as submission_id, cast(null as string) as source_file,
                       cast(null as string) as cell
                from quality_series j
                where j.previous_value is not null and not j.previous_partial
                  and abs(j.compared) >= MINIMUM - TOLERANCE and abs(j.previous_value) >= MINIMUM - TOLERANCE
                  and (j.compared > FACTOR * j.previous_value * (1 + TOLERANCE) or FACTOR * j.compared * (1 + TOLERANCE) < j.previous_value)
                """.replace("RATIO_VI", oneDecimal(ratio, Language.VI)).replace("RATIO_EN", oneDecimal(ratio, Language.EN)).replace("RATIO", ratio)
                .replace("COMPARED_VI", number("j.compared", Language.VI)).replace("COMPARED_EN", number("j.compared", Language.EN))
                .replace("PREVIOUS_VI", number("j.previous_value", Language.VI)).replace("PREVIOUS_EN", number("j.previous_value", Language.EN))
                .replace("VALUE_VI", number("j.value", Language.VI)).replace("VALUE_EN", number("j.value", Language.EN))
                .replace("FACTOR_VI", number("j.factor", Language.VI)).replace("FACTOR_EN", number("j.factor", Language.EN))
                .replace("MINIMUM", JUMP_MINIMUM).replace("FACTOR", JUMP_FACTOR).replace("TOLERANCE", SqlText.TOLERANCE));
    }
}
