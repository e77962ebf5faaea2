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
        add(code, code.messageKey(), sheet, cell, indicatorCode, year, arguments);
    }

    /**
     * As {@link #add}, worded for another kind of file: the message is {@code issue.<CODE>.<wording>}, e.g. the
     * same error told in the terms of a CSV line rather than of a form's rows and headings.
     */
    public void addWorded(IssueCode code, String wording, Optional<String> sheet, Optional<String> cell, Optional<String> indicatorCode, Optional<Integer> year,
            Object... arguments) {
        add(code, code.messageKey() + "." + wording, sheet, cell, indicatorCode, year, arguments);
    }

    /** A file that could not be opened as a workbook: the reader's reason, in both languages. */
    public void unreadable(String reasonKey, Object... arguments) {
        unreadable(Optional.empty(), Optional.empty(), reasonKey, arguments);
    }

    /** A file that could not be read, at the sheet and cell where reading stopped when they are known. */
    public void unreadable(Optional<String> sheet, Optional<String> cell, String reasonKey, Object... arguments) {
        add(IssueCode.FILE_UNREADABLE, reasonKey, sheet, cell, Optional.empty(), Optional.empty(), arguments);
    }

    private void add(IssueCode code, String messageKey, Optional<String> sheet, Optional<String> cell, Optional<String> indicatorCode, Optional<Integer> year,
            Object... arguments) {
        issues.add(new Issue(code, file, sheet, cell, indicatorCode, year,
                IngestMessages.vietnamese(messageKey, arguments), IngestMessages.english(messageKey, arguments)));
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }

    public List<Issue> issues() {
        return List.copyOf(issues);
    }
}
