package vn.pcmd.ingest;

import vn.pcmd.ingest.generate.SyntheticForms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The files a run reads: files named on the command line as they are, folders searched for forms. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Expands folders to the .xlsx, .xlsm and .csv files below them, in path order so that runs are repeatable,
     * skipping hidden files, the "~$" lock files spreadsheets leave beside open workbooks, and the bookkeeping files
     * {@code ./pcmd generate} writes at the top of its folder (manifest.csv…), which are not forms. A file named on
     * the command line is always read.
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                // a folder named through a link is walked where the link points, and its files keep the name given
                Path start = Files.isSymbolicLink(path) ? path.toRealPath() : path;
                try (Stream<Path> walk = Files.walk(start)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::isForm)
                            .filter(file -> !(file.getParent().equals(start) && SyntheticForms.SIDECAR_FILES.contains(file.getFileName().toString())))
                            .map(file -> path.resolve(start.relativize(file).toString()))
                            .sorted().forEach(files::add);
                }
            }
            else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            else {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder / không có tệp hoặc thư mục này");
            }
        }
        return files;
    }

    public static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isForm(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".csv"));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream input = new DigestInputStream(Files.newInputStream(file), digest)) {
            input.transferTo(OutputStreamNull.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] bytes, int offset, int length) {}
    }
}
