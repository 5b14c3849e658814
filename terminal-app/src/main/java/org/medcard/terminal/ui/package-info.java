/**
 * The desktop app in Swing with FlatLaf: the only package tree that imports {@code javax.swing} / {@code java.awt}
 * (besides {@code receipt.print}'s {@code java.awt.print}), and one that never touches a device. Panels render
 * their presentation model's values and forward keys to it; see docs/desktop-app.md ("How to add a screen").
 * {@link org.medcard.terminal.ui.DesktopApp} is the app's composition; {@link org.medcard.terminal.ui.MainWindow}
 * the shell (training banner, screen switching, status bar); {@link org.medcard.terminal.ui.Screens} lists the
 * screens.
 */
package org.medcard.terminal.ui;
