package org.medcard.terminal.receipt;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;
import org.medcard.terminal.receipt.sheet.SheetElement.Column;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.config.Money;

/**
 * Builds a {@link Sheet} with the blocks the documents share. Labels are bilingual (Chinese first, English
 * after) because the patient reads Chinese and the auditors and technicians may not.
 */
final class SheetBuilder {

    /** The words a training document carries at its top and bottom. */
    static final String TRAINING_MODE = "培训模式 TRAINING MODE — 非真实结算 not a real settlement";

    private final String kind;
    private final String title;
    private final ReceiptHeader header;
    private final List<SheetElement> elements = new ArrayList<>();

    SheetBuilder(String kind, String title, ReceiptHeader header) {
        this.kind = kind;
        this.title = title;
        this.header = header;
        elements.add(new SheetElement.Title(header.institutionName()));
        elements.add(new SheetElement.Text(title, Align.CENTER, true));
        if (header.trainingMode()) {
            elements.add(new SheetElement.Banner(TRAINING_MODE));
        }
        field("机构编码 Institution", header.institutionCode());
        field("终端 Terminal", header.terminalId());
        field("操作员 Operator", header.operator());
        field("时间 Time", Texts.time(header.time()));
        rule();
    }

    SheetBuilder field(String label, String value) {
        elements.add(new SheetElement.Field(label, Texts.orNone(value), false));
        return this;
    }

    SheetBuilder boldField(String label, String value) {
        elements.add(new SheetElement.Field(label, Texts.orNone(value), true));
        return this;
    }

    SheetBuilder money(String label, long fen) {
        return field(label, Money.formatYuan(fen));
    }

    SheetBuilder boldMoney(String label, long fen) {
        return boldField(label, Money.formatYuan(fen));
    }

    SheetBuilder text(String text) {
        elements.add(new SheetElement.Text(text, Align.LEFT, false));
        return this;
    }

    SheetBuilder boldText(String text) {
        elements.add(new SheetElement.Text(text, Align.LEFT, true));
        return this;
    }

    SheetBuilder rule() {
        elements.add(new SheetElement.Rule());
        return this;
    }

    SheetBuilder table(List<Column> columns, List<List<String>> rows) {
        elements.add(new SheetElement.Table(columns, rows));
        return this;
    }

    SheetBuilder signature(String label) {
        elements.add(new SheetElement.Signature(label));
        return this;
    }

    /** Name, masked ID number and masked card number. */
    SheetBuilder insured(Insured insured) {
        field("姓名 Name", insured.name());
        field("身份证号 ID No.", insured.maskedCertNo());
        field("卡号 Card No.", insured.maskedCardNo());
        return this;
    }

    SheetBuilder items(List<LineItem> items) {
        List<List<String>> rows = new ArrayList<>();
        for (LineItem item : items) {
            rows.add(List.of(item.name(), Long.toString(item.qty()), Money.formatYuan(item.price()), Money.formatYuan(item.amount())));
        }
        return table(List.of(
                new Column("项目 Item", 5, Align.LEFT),
                new Column("数量 Qty", 3, Align.RIGHT),
                new Column("单价 Price", 3, Align.RIGHT),
                new Column("金额 Amount", 3, Align.RIGHT)), rows);
    }

    /** Total and the three shares (fund, personal account, cash). */
    SheetBuilder split(Split split) {
        boldMoney("合计 Total", split.total());
        money("统筹基金支付 Fund pay", split.fundPay());
        money("个人账户支付 Account pay", split.acctPay());
        boldMoney("现金支付 Cash pay", split.cashPay());
        return this;
    }

    /** Balance after and TAC, or dashes when the card was not debited or credited. */
    SheetBuilder proof(CardProof proof) {
        field("卡余额 Balance after", proof == null ? null : Money.formatYuan(proof.balanceAfter()));
        field("交易认证码 TAC", proof == null ? null : proof.tac());
        return this;
    }

    Sheet build() {
        List<SheetElement> all = new ArrayList<>(elements);
        if (header.trainingMode()) {
            all.add(new SheetElement.Rule());
            all.add(new SheetElement.Banner(TRAINING_MODE));
        }
        return new Sheet(kind, title, all);
    }
}
