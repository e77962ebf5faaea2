package vn.pcmd.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --report FILE.json}: every file's outcome and every issue, for the office that sent the files. */
public final class IngestReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestReport() {}

    public static void write(Path file, Path warehouse, IngestResult result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("warehouse", warehouse.toString());
        root.put("batch_id", result.batchId().orElse(null));
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.files().size());
        summary.put("accepted", result.count(IngestResult.Status.ACCEPTED));
        summary.put("unchanged", result.count(IngestResult.Status.UNCHANGED));
        summary.put("rejected", result.count(IngestResult.Status.REJECTED));
        summary.put("facts_written", result.factsWritten());
        summary.put("elapsed_seconds", result.elapsed().toMillis() / 1000.0);
        ArrayNode files = root.putArray("files");
        for (IngestResult.FileResult fileResult : result.files()) {
            ObjectNode node = files.addObject();
            node.put("file", fileResult.file());
            node.put("status", fileResult.status().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode submissions = node.putArray("submissions");
            for (IngestResult.SubmissionResult submission : fileResult.submissions()) {
                ObjectNode entry = submissions.addObject();
                entry.put("submission_id", submission.submissionId().orElse(null));
                entry.put("form", submission.form());
                entry.put("unit_code", submission.unitCode());
                entry.put("agency", submission.agency().orElse(null));
                entry.put("facts", submission.facts());
                entry.put("supersedes", submission.supersedes().orElse(null));
            }
            issues(node.putArray("errors"), fileResult.issues().stream().filter(Issue::isError).toList());
            issues(node.putArray("warnings"), fileResult.issues().stream().filter(issue -> !issue.isError()).toList());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void issues(ArrayNode array, List<Issue> issues) {
        for (Issue issue : issues) {
            ObjectNode node = array.addObject();
            node.put("code", issue.code().name());
            node.put("severity", issue.code().severity().name().toLowerCase(java.util.Locale.ROOT));
            node.put("sheet", issue.sheet().orElse(null));
            node.put("cell", issue.cell().orElse(null));
            node.put("indicator_code", issue.indicatorCode().orElse(null));
            if (issue.year().isPresent()) {
                node.put("year", issue.year().get());
            }
            node.put("message_vi", issue.messageVi());
            node.put("message_en", issue.messageEn());
        }
    }
}
