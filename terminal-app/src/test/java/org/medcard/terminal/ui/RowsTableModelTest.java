package org.medcard.terminal.ui;

import java.util.ArrayList;
import java.util.List;

import javax.swing.event.TableModelEvent;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.ui.shell.RowsTableModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The screens' list tables: titles translated from their keys, cells from the row, a change event on every set. */
class RowsTableModelTest {

    private record Visit(String id, long feeFen) {
    }

    @Test
    void titlesCellsRowsAndChangeEvents() {
        RowsTableModel<Visit> model = new RowsTableModel<>(List.of("col.visit", "col.fee"), key -> "[" + key + "]",
                (v, c) -> c == 0 ? v.id() : v.feeFen());
        List<TableModelEvent> events = new ArrayList<>();
        model.addTableModelListener(events::add);

        assertEquals(0, model.getRowCount());
        assertEquals(2, model.getColumnCount());
        assertEquals("[col.fee]", model.getColumnName(1));

        model.set(List.of(new Visit("MZ001", 500), new Visit("MZ002", 1_200)));

        assertEquals(2, model.getRowCount());
        assertEquals("MZ002", model.getValueAt(1, 0));
        assertEquals(1_200L, model.getValueAt(1, 1));
        assertEquals(new Visit("MZ001", 500), model.row(0));
        assertEquals(1, events.size(), "the table is told the rows changed");
    }
}
