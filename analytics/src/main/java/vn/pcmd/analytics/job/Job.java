package vn.pcmd.analytics.job;

import vn.pcmd.core.units.Vintage;

import java.util.List;

/**
 * A job's definition, independent of any engine: the tables it reads (the warehouse views, the reference tables,
 * other jobs' marts), and the SELECTs that compute its mart for one vintage. The last step's table is the mart.
 * Adapters (DuckDB, Spark) run the same steps; nothing here imports an engine.
 */
public interface Job {
    /** The mart's name: rollup, trends, compare, targets, quality… */
    String name();

    /** Marts this job reads, which must be computed first for the same vintage. */
    List<String> dependsOn();

    List<Step> steps(Vintage vintage);

    /** One line for people: what the mart holds. */
    String description();
}
