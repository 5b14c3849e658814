package org.medcard.terminal.receipt.sheet;

import java.util.List;
import java.util.Objects;

/** One element of a {@link Sheet}; renderers lay out each kind in their own medium. */
public sealed interface SheetElement {

    /** The document's title, centred and emphasised. */
    record Title(String text) implements SheetElement {
        public Title {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A boxed, emphasised notice that must not be missed (TRAINING MODE, a missing-font warning). */
    record Banner(String text) implements SheetElement {
        public Banner {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Free text, wrapped to the paper width. */
    record Text(String text, Align align, boolean bold) implements SheetElement {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
        }
    }

    /** A label on the left and its value on the right (on the next line when both do not fit). */
    record Field(String label, String value, boolean bold) implements SheetElement {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A horizontal separator. */
    record Rule() implements SheetElement {
    }

    /** One table column: header text, relative width, alignment of its cells. */
    record Column(String header, int weight, Align align) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
            if (weight <= 0) {
                throw new IllegalArgumentException("column weight must be positive: " + weight);
            }
        }
    }

    /** A table; every row has one cell per column. */
    record Table(List<Column> columns, List<List<String>> rows) implements SheetElement {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected " + columns.size());
                }
            }
        }
    }

    /** A line to sign on, with what the signature stands for. */
    record Signature(String label) implements SheetElement {
        public Signature {
            Objects.requireNonNull(label, "label");
        }
    }
}
