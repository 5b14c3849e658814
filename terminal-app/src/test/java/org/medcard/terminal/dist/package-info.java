/** Checks of the runnable distribution that {@code mvn package} makes (the shaded jar). */
package org.medcard.terminal.dist;
