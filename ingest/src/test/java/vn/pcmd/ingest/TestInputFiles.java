package vn.pcmd.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInputFiles {
    @Test
    void aFolderIsExpandedToItsFormsInPathOrderWithoutLockHiddenOrBookkeepingFiles(@TempDir Path directory) throws IOException {
        Path forms = Files.createDirectories(directory.resolve("forms"));
        Files.createDirectories(forms.resolve("b"));
        for (String name : List.of("b/x.xlsx", "a.csv", "~$a.xlsx", ".hidden.xlsx", "notes.txt", "manifest.csv", "b/manifest.csv", "c.XLSM")) {
            Files.writeString(forms.resolve(name), "");
        }
        assertThat(InputFiles.expand(List.of(forms))).containsExactly(forms.resolve("a.csv"), forms.resolve("b/manifest.csv"), forms.resolve("b/x.xlsx"),
                forms.resolve("c.XLSM"));
    }

    @Test
    void aFolderNamedThroughALinkIsWalkedAndItsFilesKeepTheNameGiven(@TempDir Path directory) throws IOException {
        Path forms = Files.createDirectories(directory.resolve("forms"));
        Files.writeString(forms.resolve("a.xlsx"), "");
        Files.writeString(forms.resolve("manifest.csv"), "");
        Path link = Files.createSymbolicLink(directory.resolve("link"), forms);
        assertThat(InputFiles.expand(List.of(link))).containsExactly(link.resolve("a.xlsx"));
    }

    @Test
    void aPathThatDoesNotExistIsAnError(@TempDir Path directory) {
        assertThatThrownBy(() -> InputFiles.expand(List.of(directory.resolve("none")))).isInstanceOf(NoSuchFileException.class);
    }
}
