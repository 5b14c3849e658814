/** The sign-in screen's model: operator and password against the local accounts, training credentials shown. */
package org.medcard.terminal.present.signin;
