package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Section;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The body rows of a form in the order the official form prints them, headings included. */
public final class FormRows {
    private FormRows() {}

    /**
     * The rows of a form: for Phụ lục IA with a department, the common section I and that department's section
     * only (a department fills nothing else); without one, the whole form.
     */
    public static List<FormRow> of(Catalog catalog, Form form, Optional<String> agency) {
        List<Indicator> indicators = agency.isPresent() && form == Form.IA ? catalog.indicatorsForAgency(agency.get()) : catalog.indicators(form);
        List<FormRow> rows = new ArrayList<>();
        Set<String> headingsWritten = new HashSet<>();
        for (Indicator indicator : indicators) {
            // a heading stands above the first row under it, after the headings it is nested in
            Deque<Section> chain = new ArrayDeque<>();
            for (Optional<Section> section = catalog.section(indicator.sectionCode()); section.isPresent();
                    section = section.get().parentCode().flatMap(catalog::section)) {
                chain.push(section.get());
            }
            for (Section section : chain) {
                if (headingsWritten.add(section.code())) {
                    rows.add(FormRow.heading(section));
                }
            }
            rows.add(FormRow.indicator(indicator));
        }
        return List.copyOf(rows);
    }
}
