/** The sign-in panel: operator and password fields, the model's messages, the training accounts. */
package org.medcard.terminal.ui.signin;
