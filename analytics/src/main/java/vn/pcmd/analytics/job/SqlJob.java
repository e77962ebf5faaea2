package vn.pcmd.analytics.job;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A job's name, description and dependencies, held once; subclasses give only their SQL steps. */
public abstract class SqlJob implements Job {
    private final String name;
    private final String description;
    private final List<String> dependsOn;

    protected SqlJob(String name, String description, String... dependsOn) {
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.dependsOn = List.of(dependsOn);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> dependsOn() {
        return dependsOn;
    }
}
