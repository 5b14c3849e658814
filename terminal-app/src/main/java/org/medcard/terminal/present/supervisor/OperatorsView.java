package org.medcard.terminal.present.supervisor;

import java.util.List;

/** The operator-management screen. Called on the UI thread. */
public interface OperatorsView extends Work.Busy {

    void showOperators(List<OperatorRow> operators);

    /** A yes/no question ("Disable operator wang? …"); true to go on. */
    boolean confirm(String question);

    /** The last action's result ("Operator wang added as Cashier."). */
    void showDone(String message);
}
