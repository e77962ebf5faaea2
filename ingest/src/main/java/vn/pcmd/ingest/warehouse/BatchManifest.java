package vn.pcmd.ingest.warehouse;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * batch.json: what one committed batch holds, read by the next ingest to tell a resubmission from an identical
 * file sent twice, and by people inspecting the warehouse.
 */
public record BatchManifest(
        String batchId,
        int sequence,
        String createdAt,
        String period,
        long factCount,
        List<SubmissionEntry> submissions) {
    public BatchManifest {
        requireNonNull(batchId, "batchId is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(period, "period is null");
        submissions = List.copyOf(requireNonNull(submissions, "submissions is null"));
    }

    /** One accepted submission: its sender key (unit|form|department), source and content hash. */
    public record SubmissionEntry(String submissionId, String key, String sourceFile, String sha256, int factCount, List<Integer> yearsReported) {
        public SubmissionEntry {
            requireNonNull(submissionId, "submissionId is null");
            requireNonNull(key, "key is null");
            requireNonNull(sourceFile, "sourceFile is null");
            requireNonNull(sha256, "sha256 is null");
            yearsReported = List.copyOf(requireNonNull(yearsReported, "yearsReported is null"));
        }
    }
}
