package org.medcard.terminal.center;

/** Host {@code 9001}: the sign-in every later message carries, and when the center made it. */
public record SignedIn(String signNo, String signTime) {
    public SignedIn {
        if (signNo == null || signNo.isBlank()) {
            throw new IllegalArgumentException("9001 answered without sign_no");
        }
    }
}
