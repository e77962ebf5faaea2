package vn.pcmd.ingest.testing;

import vn.pcmd.core.Progress;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** An ingest run in a process of its own, for tests that kill it with SIGKILL: args are WAREHOUSE FOLDER. */
public final class IngestProcess {
    private IngestProcess() {}

    public static void main(String[] args) throws Exception {
        new Ingestor(TestingIngest.catalog(), TestingIngest.units(), XlsxLimits.DEFAULT, 1, Clock.systemUTC())
                .ingest(new Warehouse(Path.of(args[0])), InputFiles.expand(List.of(Path.of(args[1]))), ReadOptions.NONE, Progress.NONE);
        System.out.println("committed");
    }
}
