package vn.pcmd.ingest;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a submitted file, pointing at the file, sheet and cell (A1), with the message in
 * Vietnamese and English.
 */
public record Issue(
        IssueCode code,
        String file,
        Optional<String> sheet,
        Optional<String> cell,
        Optional<String> indicatorCode,
        Optional<Integer> year,
        String messageVi,
        String messageEn) {
    public Issue {
        requireNonNull(code, "code is null");
        requireNonNull(file, "file is null");
        requireNonNull(sheet, "sheet is null");
        requireNonNull(cell, "cell is null");
        requireNonNull(indicatorCode, "indicatorCode is null");
        requireNonNull(year, "year is null");
        requireNonNull(messageVi, "messageVi is null");
        requireNonNull(messageEn, "messageEn is null");
    }

    public boolean isError() {
        return code.severity() == IssueCode.Severity.ERROR;
    }

    /** "file, sheet 'X', cell C12: message" — where, then what, in one line. */
    public String locationVi() {
        StringBuilder text = new StringBuilder(file);
        sheet.ifPresent(name -> text.append(", trang \"").append(name).append('"'));
        cell.ifPresent(reference -> text.append(", ô ").append(reference));
        return text.toString();
    }

    public String locationEn() {
        StringBuilder text = new StringBuilder(file);
        sheet.ifPresent(name -> text.append(", sheet \"").append(name).append('"'));
        cell.ifPresent(reference -> text.append(", cell ").append(reference));
        return text.toString();
    }
}
