package vn.pcmd.ingest.generate;

import static java.util.Objects.requireNonNull;

/**
 * What {@link SyntheticForms} generates.
 *
 * @param firstYear first year with figures (the period's first year by default)
 * @param lastYear last year with figures
 * @param errorShare the share of files given a deliberate error (at least one file when above 0); 0 for none
 * @param threads how many files are written at once
 */
public record GenerationOptions(GenerationScope scope, int firstYear, int lastYear, long seed, double errorShare, int threads) {
    /** The share of files {@code --with-errors} spoils. */
    public static final double DEFAULT_ERROR_SHARE = 0.01;
    public static final int DEFAULT_THREADS = 2;

    public GenerationOptions {
        requireNonNull(scope, "scope is null");
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("First year " + firstYear + " is after last year " + lastYear);
        }
        if (errorShare < 0 || errorShare > 1) {
            throw new IllegalArgumentException("Error share must be between 0 and 1: " + errorShare);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1: " + threads);
        }
    }

    public static GenerationOptions of(GenerationScope scope, int firstYear, int lastYear, long seed) {
        return new GenerationOptions(scope, firstYear, lastYear, seed, 0, DEFAULT_THREADS);
    }

    public GenerationOptions withErrors(double share) {
        return new GenerationOptions(scope, firstYear, lastYear, seed, share, threads);
    }

    public GenerationOptions withThreads(int count) {
        return new GenerationOptions(scope, firstYear, lastYear, seed, errorShare, count);
    }

    public boolean includes(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
