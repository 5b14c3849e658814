package org.medcard.terminal.receipt.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A laid-out horizontal band of a page, the unit of pagination: its height and what to draw in it, in
 * coordinates relative to the band's top-left corner (y grows downwards).
 */
final class Row {

    record Span(String text, float x, float baseline, float size, boolean bold) {
    }

    record Stroke(float x1, float y1, float x2, float y2, boolean dashed) {
    }

    record Box(float x, float y, float width, float height) {
    }

    final List<Span> spans = new ArrayList<>();
    final List<Stroke> strokes = new ArrayList<>();
    final List<Box> boxes = new ArrayList<>();
    float height;
}
