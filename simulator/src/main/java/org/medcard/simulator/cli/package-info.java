/**
 * The technician's commands of {@code medcard-simulator.jar} (picocli): listing profiles, showing and creating
 * card files, and the interactive console. Output goes to the command line's own writers, so tests capture it.
 */
package org.medcard.simulator.cli;
