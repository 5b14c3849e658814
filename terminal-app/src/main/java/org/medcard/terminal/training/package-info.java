/**
 * TRAINING MODE behind one door: the only package of the terminal that imports the simulator. It implements
 * {@link org.medcard.terminal.TrainingMode} (found through {@code META-INF/services}): the training reader with
 * the virtual PSAM and the training cards ({@link org.medcard.terminal.training.SimulatorTrainingReader}), the
 * embedded simulated center, the technician's {@code medcard simulator …} tool, and the commissioning checklist
 * (reader and PSAM, a normal sale, each refused card status, center down → offline → forwarded, reader fault →
 * cash → re-settled, void, day close), which ends in a signed-off PDF report. A production build can leave
 * this package and the simulator jar out; nothing else names them.
 */
package org.medcard.terminal.training;
