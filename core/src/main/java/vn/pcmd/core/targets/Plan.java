package vn.pcmd.core.targets;

import vn.pcmd.core.units.UnitLevel;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A plan (kế hoạch) that sets targets: who issued it, at which level, under which number and date. */
public record Plan(
        String planId,
        String seedFile,
        String issuerVi,
        UnitLevel issuerLevel,
        Optional<String> issuerUnitCode,
        Optional<String> documentNumber,
        Optional<LocalDate> issuedOn,
        int periodFrom,
        int periodTo,
        String titleVi) {
    public Plan {
        requireNonNull(planId, "planId is null");
        requireNonNull(seedFile, "seedFile is null");
        requireNonNull(issuerVi, "issuerVi is null");
        requireNonNull(issuerLevel, "issuerLevel is null");
        requireNonNull(issuerUnitCode, "issuerUnitCode is null");
        requireNonNull(documentNumber, "documentNumber is null");
        requireNonNull(issuedOn, "issuedOn is null");
        requireNonNull(titleVi, "titleVi is null");
    }
}
