package vn.pcmd.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What one ingest run did: the batch it committed, if any, and each file's fate. */
public record IngestResult(Optional<String> batchId, List<FileResult> files, long factsWritten, Duration elapsed) {
    public enum Status {
        /** Accepted and written in this run's batch. */
        ACCEPTED,
        /** Accepted, but identical to what the sender had already sent: nothing written. */
        UNCHANGED,
        /** Rejected whole: at least one error. */
        REJECTED
    }

    /** One input file. */
    public record FileResult(String file, Status status, List<SubmissionResult> submissions, List<Issue> issues) {
        public FileResult {
            requireNonNull(file, "file is null");
            requireNonNull(status, "status is null");
            submissions = List.copyOf(requireNonNull(submissions, "submissions is null"));
            issues = List.copyOf(requireNonNull(issues, "issues is null"));
        }
    }

    /** One submission of an accepted file: the id it got (empty when unchanged) and what it superseded. */
    public record SubmissionResult(Optional<String> submissionId, String form, String unitCode, Optional<String> agency, int facts, Optional<String> supersedes) {}

    public IngestResult {
        requireNonNull(batchId, "batchId is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(elapsed, "elapsed is null");
    }

    public long count(Status status) {
        return files.stream().filter(file -> file.status() == status).count();
    }
}
