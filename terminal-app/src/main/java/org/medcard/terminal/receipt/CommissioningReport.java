package org.medcard.terminal.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement.Column;
import org.medcard.terminal.text.Texts;

/**
 * The commissioning report a technician prints after running the simulator's checklist on a new terminal:
 * each item with pass or fail and its detail, the overall verdict, and a block for both parties to sign.
 *
 * @param technician who ran the checklist
 * @param items the checklist, in the order it ran
 */
public record CommissioningReport(ReceiptHeader header, String technician, List<CheckItem> items) implements ReceiptDocument {

    /** One checklist item. */
    public record CheckItem(String name, boolean passed, String detail) {
        public CheckItem {
            Texts.requireText(name, "name");
            detail = detail == null ? "" : detail;
        }
    }

    public CommissioningReport {
        Objects.requireNonNull(header, "header");
        Texts.requireText(technician, "technician");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a commissioning report needs at least one checklist item");
        }
    }

    public boolean allPassed() {
        return items.stream().allMatch(CheckItem::passed);
    }

    @Override
    public Sheet toSheet() {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (CheckItem item : items) {
            rows.add(List.of(Integer.toString(n++), item.name(), item.passed() ? "PASS 通过" : "FAIL 未通过", Texts.orNone(item.detail())));
        }
        long passed = items.stream().filter(CheckItem::passed).count();
        return new SheetBuilder("commissioning-report", "终端调试报告 Commissioning report", header)
                .field("技术员 Technician", technician)
                .rule()
                .table(List.of(
                        new Column("#", 1, Align.RIGHT),
                        new Column("检查项 Check", 6, Align.LEFT),
                        new Column("结果 Result", 3, Align.LEFT),
                        new Column("说明 Detail", 7, Align.LEFT)), rows)
                .rule()
                .boldField("结论 Verdict", (allPassed() ? "PASS 通过" : "FAIL 未通过") + " (" + passed + "/" + items.size() + ")")
                .rule()
                .boldText("签字确认 Sign-off")
                .signature("调试技术员 Technician")
                .signature("机构负责人 For the institution")
                .signature("日期 Date")
                .build();
    }
}
