package vn.pcmd.ingest.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A random stream for one unit of generated output, derived from the seed and the unit's identity alone, so that
 * what a unit gets depends neither on the scope asked for nor on which thread writes it. The distributions are
 * written out here rather than taken from the JDK, whose algorithms may change between versions.
 */
final class Draws {
    private final SplittableRandom random;

    private Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The stream of {@code parts} (unit code, form, department, purpose) under {@code seed}. */
    static Draws of(long seed, String... parts) {
        // FNV-1a over the parts, then SplitMix64's finaliser so that similar codes give unrelated streams
        long hash = 0xcbf29ce484222325L ^ seed;
        for (String part : parts) {
            for (byte value : part.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (value & 0xff)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return new Draws(hash ^ (hash >>> 31));
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    int integer(int bound) {
        return random.nextInt(bound);
    }

    /** Whole number in [from, to], both included. */
    int integer(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double normal() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A positive factor of mean 1 whose logarithm has standard deviation {@code sigma}. */
    double logNormalFactor(double sigma) {
        return Math.exp(sigma * normal() - sigma * sigma / 2);
    }

    /** A factor of mean 1 and variance 1/shape (Gamma(shape, 1/shape)). */
    double gammaFactor(double shape) {
        return gamma(shape) / shape;
    }

    /** Gamma(shape, 1), Marsaglia and Tsang's method. */
    double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
        }
        double limit = Math.exp(-mean);
        long count = 0;
        for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
            count++;
        }
        return count;
    }

    long binomial(long trials, double probability) {
        if (trials <= 0 || probability <= 0) {
            return 0;
        }
        if (probability >= 1) {
            return trials;
        }
        if (trials < 60) {
            long successes = 0;
            for (long trial = 0; trial < trials; trial++) {
                if (random.nextDouble() < probability) {
                    successes++;
                }
            }
            return successes;
        }
        double mean = trials * probability;
        double deviation = Math.sqrt(mean * (1 - probability));
        return Math.min(trials, Math.max(0, Math.round(mean + deviation * normal())));
    }
}
