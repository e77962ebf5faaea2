package vn.pcmd.core.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A provincial department that sends Phụ lục IA, with the names its heading may carry on a form. */
public record Agency(String code, int position, String nameVi, String nameEn, List<String> aliasesVi) {
    public Agency {
        requireNonNull(code, "code is null");
        requireNonNull(nameVi, "nameVi is null");
        requireNonNull(nameEn, "nameEn is null");
        aliasesVi = List.copyOf(requireNonNull(aliasesVi, "aliasesVi is null"));
    }
}
