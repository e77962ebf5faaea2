package vn.pcmd.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the issues of one file, filling in the file name and formatting both languages from one key. */
public final class IssueBuilder {
    private final String file;
    private final List<Issue> issues = new ArrayList<>();

    public IssueBuilder(String file) {
        this.file = file;
    }

    public void fileIssue(IssueCode code, Object... arguments) {
        add(code, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), arguments);
    }

    public void add(IssueCode code, Optional<String> sheet, Optional<String> cell, Optional<String> indicatorCode, Optional<Integer> year, Object... arguments) {
        issues.add(new Issue(code, file, sheet, cell, indicatorCode, year,
                IngestMessages.vietnamese(code.messageKey(), arguments), IngestMessages.english(code.messageKey(), arguments)));
    }

    /** A file that could not be opened as a workbook: the reader's reason, in both languages. */
    public void unreadable(String reasonKey, Object... arguments) {
        issues.add(new Issue(IssueCode.FILE_UNREADABLE, file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                IngestMessages.vietnamese(reasonKey, arguments), IngestMessages.english(reasonKey, arguments)));
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }

    public List<Issue> issues() {
        return List.copyOf(issues);
    }
}
