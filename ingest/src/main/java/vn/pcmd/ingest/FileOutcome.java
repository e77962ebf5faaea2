package vn.pcmd.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What became of one input file: its submissions if it is accepted, and every issue found. A file with any error
 * is rejected whole.
 */
public record FileOutcome(String file, List<Submission> submissions, List<Issue> issues) {
    public FileOutcome {
        requireNonNull(file, "file is null");
        submissions = List.copyOf(requireNonNull(submissions, "submissions is null"));
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
    }

    public static FileOutcome rejected(String file, List<Issue> issues) {
        return new FileOutcome(file, List.of(), issues);
    }

    public boolean accepted() {
        return issues.stream().noneMatch(Issue::isError);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }
}
