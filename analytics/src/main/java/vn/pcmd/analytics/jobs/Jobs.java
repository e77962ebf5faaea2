package vn.pcmd.analytics.jobs;

import vn.pcmd.analytics.job.Job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The jobs the warehouse knows, by name, in the order `all` runs them. */
public final class Jobs {
    private static final List<Job> ALL = List.of(
            new RollupJob(),
            new DerivedJob(),
            new TargetsJob(),
            new QualityJob(),
            new TrendsJob(),
            new CompareJob());

    private Jobs() {}

    public static List<Job> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Job::name).toList();
    }

    public static Optional<Job> byName(String name) {
        return ALL.stream().filter(job -> job.name().equals(name)).findFirst();
    }

    /** The named jobs and every job they depend on, dependencies first. */
    public static List<Job> withDependencies(List<String> names) {
        Map<String, Job> selected = new LinkedHashMap<>();
        for (String name : names) {
            add(byName(name).orElseThrow(() -> new IllegalArgumentException("Unknown job '" + name + "'; known: " + String.join(", ", names()) + ", all")), selected);
        }
        return new ArrayList<>(selected.values());
    }

    private static void add(Job job, Map<String, Job> selected) {
        for (String dependency : job.dependsOn()) {
            add(byName(dependency).orElseThrow(), selected);
        }
        selected.putIfAbsent(job.name(), job);
    }
}
