/**
 * The whole-system chaos soak (issue 9): a terminal child process driven sale by sale over the real PC/SC
 * stack (pcscd + vpcd) and a simulated center on loopback, with faults injected at random and the terminal
 * killed with SIGKILL; afterwards card, center and terminal journal are reconciled to the fen.
 */
package org.medcard.terminal.soak;
