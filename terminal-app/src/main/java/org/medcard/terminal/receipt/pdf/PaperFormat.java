package org.medcard.terminal.receipt.pdf;

/** The paper a PDF is laid out for. Sizes in PDF points (1/72 inch). */
public enum PaperFormat {
    /** 80 mm thermal roll: one page as long as the content (split only past the PDF page-size limit). */
    ROLL_80MM(mm(80), 0, mm(3.5f), 7.5f, 11f),
    /** A4 portrait, paged, with page numbers. */
    A4(595.276f, 841.89f, mm(18), 10f, 15f);

    private final float width;
    private final float height;
    private final float margin;
    private final float fontSize;
    private final float titleSize;

    PaperFormat(float width, float height, float margin, float fontSize, float titleSize) {
        this.width = width;
        this.height = height;
        this.margin = margin;
        this.fontSize = fontSize;
        this.titleSize = titleSize;
    }

    static float mm(float mm) {
        return mm * 72f / 25.4f;
    }

    float width() {
        return width;
    }

    /** Fixed page height, or 0 for a roll. */
    float height() {
        return height;
    }

    boolean roll() {
        return height == 0;
    }

    float margin() {
        return margin;
    }

    float fontSize() {
        return fontSize;
    }

    float titleSize() {
        return titleSize;
    }
}
