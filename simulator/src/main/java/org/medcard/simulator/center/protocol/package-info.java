/**
 * The wire side of the center: the request envelope, a typed reader that names the offending field
 * of a malformed request, the refusal carried as an {@code infcode}, and the JSON conventions (canonical
 * form for comparing resent requests).
 */
package org.medcard.simulator.center.protocol;
