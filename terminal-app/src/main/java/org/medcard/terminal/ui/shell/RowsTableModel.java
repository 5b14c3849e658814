package org.medcard.terminal.ui.shell;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import javax.swing.table.AbstractTableModel;

/**
 * A read-only table of rows of one record type (the queue's entries, the open visits, the operators): the
 * column titles are text keys, translated when the table asks, and one function gives a row's cell.
 * Used on the event thread only, like every Swing model.
 */
public final class RowsTableModel<T> extends AbstractTableModel {
    private final List<String> columnKeys;
    private final UnaryOperator<String> text;
    private final BiFunction<T, Integer, Object> cell;
    private List<T> rows = List.of();

    /**
     * @param columnKeys the columns' text keys
     * @param text       turns a key into the shown title
     * @param cell       the value of column {@code c} of a row
     */
    public RowsTableModel(List<String> columnKeys, UnaryOperator<String> text, BiFunction<T, Integer, Object> cell) {
        this.columnKeys = List.copyOf(columnKeys);
        this.text = text;
        this.cell = cell;
    }

    public void set(List<T> newRows) {
        rows = List.copyOf(newRows);
        fireTableDataChanged();
    }

    /** The row at model index {@code i} (convert a view index with {@code JTable.convertRowIndexToModel}). */
    public T row(int i) {
        return rows.get(i);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columnKeys.size();
    }

    @Override
    public String getColumnName(int c) {
        return text.apply(columnKeys.get(c));
    }

    @Override
    public Object getValueAt(int r, int c) {
        return cell.apply(rows.get(r), c);
    }
}
