import vn.pcmd.core.FileTrees;
import vn.pcmd.core.ProcessCpu;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a warm ingest's CPU goes, by async-profiler (CPU samples without safepoint bias, which JFR's are not: JFR put
 * a fifth of the writing thread in code async-profiler finds almost idle). Ingests the forms a few times to warm the
 * JIT, then profiles the next ingests only ({@code itimer}, which needs no permission to read the kernel's performance
 * counters), and prints each thread's share of the samples and, in the reading threads, the parser's, inflating's,
 * hashing's and our own; the stacks are kept, collapsed, for a flame graph.
 *
 * <p>Run by {@code benchmarks/profile-ingest.sh}, as a source file on the command line's classpath; async-profiler is
 * no dependency of the build, so its class is loaded from the jar the script fetched, and called by reflection.
 *
 * <p>Usage: {@code ProfileIngest FORMS_DIR WORK_DIR ASYNC_PROFILER_JAR NATIVE_LIBRARY [THREADS [WARM_UPS [PROFILED]]]}
 */
public final class ProfileIngest {
    /** Where a reading thread's sample goes: the first group, from the innermost frame out, that one of its frames is in. */
    private static final Map<String, List<String>> READER_GROUPS = new LinkedHashMap<>();

    static {
        READER_GROUPS.put("XML parser (Woodstox)", List.of("com/ctc/wstx/", "org/codehaus/stax2/"));
        READER_GROUPS.put("inflating (zip)", List.of("java/util/zip/Inflater", "java/util/zip/ZipFile$ZipFileInflaterInputStream", "libz", "inflate"));
        READER_GROUPS.put("hashing the file (SHA-256)", List.of("sun/security/provider/", "java/security/MessageDigest"));
        READER_GROUPS.put("the zip file (its directory, its compressed bytes)", List.of("java/util/zip/ZipFile"));
        READER_GROUPS.put("our code", List.of("vn/pcmd/"));
    }

    private ProfileIngest() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ProfileIngest FORMS_DIR WORK_DIR ASYNC_PROFILER_JAR NATIVE_LIBRARY [THREADS [WARM_UPS [PROFILED]]]");
            System.exit(2);
        }
        List<Path> files = InputFiles.expand(List.of(Path.of(args[0])));
        Path work = Path.of(args[1]);
        Path profilerJar = Path.of(args[2]);
        Path library = Path.of(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int warmUps = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        int profiled = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        if (files.isEmpty()) {
            System.err.println("No forms under " + args[0] + ": generate them first (benchmarks/profile-ingest.sh does)");
            System.exit(2);
        }
        Files.createDirectories(work);

        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        Ingestor ingestor = new Ingestor(catalog, units, XlsxLimits.DEFAULT, threads, Clock.systemUTC());
        Profiler profiler = new Profiler(profilerJar, library);

        System.out.printf(Locale.ROOT, "forms: %d files, %d reading threads; %d ingests to warm up, %d profiled%n", files.size(), threads, warmUps, profiled);
        long profiledCpuNanos = 0;
        for (int pass = 1; pass <= warmUps + profiled; pass++) {
            boolean profiling = pass > warmUps;
            Path warehouse = Files.createTempDirectory(work, "warehouse-");
            try {
                if (profiling) {
                    profiler.execute("start,event=itimer,interval=1ms,threads");
                }
                long start = System.nanoTime();
                long cpu = ProcessCpu.nanos();
                IngestResult result = ingestor.ingest(new Warehouse(warehouse), files, ReadOptions.NONE, Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (profiling) {
                    profiler.execute("stop");
                    profiledCpuNanos += ProcessCpu.nanos() - cpu;
                }
                System.out.printf(Locale.ROOT, "ingest %d (%s): %.2f s, %d facts%n", pass, profiling ? "profiled" : "warming up", seconds, result.factsWritten());
            }
            finally {
                FileTrees.deleteRecursively(warehouse);
            }
        }
        Path collapsed = work.resolve("ingest-profile.collapsed");
        profiler.execute("collapsed,file=" + collapsed.toAbsolutePath());
        summarize(collapsed, profiledCpuNanos / 1e9);
        System.out.println("stacks, collapsed (for a flame graph): " + collapsed);
    }

    /** async-profiler's Java API, from its jar; its native library is the one the script took out of that jar. */
    private static final class Profiler {
        private final Object instance;
        private final Method execute;

        Profiler(Path jar, Path library) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ProfileIngest.class.getClassLoader());
            Class<?> type = Class.forName("one.profiler.AsyncProfiler", true, loader);
            this.instance = type.getMethod("getInstance", String.class).invoke(null, library.toAbsolutePath().toString());
            this.execute = type.getMethod("execute", String.class);
        }

        void execute(String command) throws Exception {
            execute.invoke(instance, command);
        }
    }

    /** Each thread's share of the samples, then the reading threads' samples by group and their hottest frames. */
    private static void summarize(Path collapsed, double cpuSeconds) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> readerGroups = new LinkedHashMap<>();
        READER_GROUPS.keySet().forEach(group -> readerGroups.put(group, 0L));
        Map<String, Long> readerLeaves = new HashMap<>();
        Map<String, Long> writerLeaves = new HashMap<>();
        long total = 0;
        long readers = 0;
        long writer = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            String thread = threadGroup(frames[0]);
            String leaf = frames[frames.length - 1];
            total += samples;
            byThread.merge(thread, samples, Long::sum);
            if (thread.equals(READING_THREADS)) {
                readers += samples;
                readerGroups.merge(readerGroup(frames), samples, Long::sum);
                readerLeaves.merge(leaf, samples, Long::sum);
            }
            else if (thread.equals(WRITING_THREAD)) {
                writer += samples;
                writerLeaves.merge(leaf, samples, Long::sum);
            }
        }
        // itimer samples the process's CPU time less often than asked, as the kernel's tick allows
        System.out.printf(Locale.ROOT, "%n%d samples over %.1f s of CPU (one per %.1f ms)%n", total, cpuSeconds, 1000 * cpuSeconds / Math.max(1, total));
        print("by thread, share of all samples", byThread, total, 10);
        print("reading threads, by the innermost frame in a group (share of the reading threads' samples)", readerGroups, readers, 10);
        print("reading threads, hottest frames", readerLeaves, readers, 15);
        print("writing thread, hottest frames", writerLeaves, writer, 10);
    }

    private static final String READING_THREADS = "reading threads (pcmd-ingest)";
    private static final String WRITING_THREAD = "writing thread (main)";

    /** A sample's thread, from the first frame, "[name tid=N]": its group, the thread number dropped. */
    private static String threadGroup(String frame) {
        String name = frame.startsWith("[") ? frame.substring(1, frame.endsWith("]") ? frame.length() - 1 : frame.length()) : frame;
        name = name.replaceFirst(" tid=\\d+$", "");
        if (name.equals("pcmd-ingest")) {
            return READING_THREADS;
        }
        if (name.equals("main")) {
            return WRITING_THREAD;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collection";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compilers";
        }
        return name.replaceAll("[#-]?\\d+$", "");
    }

    private static String readerGroup(String[] frames) {
        for (int index = frames.length - 1; index > 0; index--) {
            for (Map.Entry<String, List<String>> group : READER_GROUPS.entrySet()) {
                for (String prefix : group.getValue()) {
                    if (frames[index].startsWith(prefix)) {
                        return group.getKey();
                    }
                }
            }
        }
        return "other (JDK, threads)";
    }

    private static void print(String title, Map<String, Long> samples, long total, int limit) {
        System.out.println(title + ":");
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey()));
    }
}
