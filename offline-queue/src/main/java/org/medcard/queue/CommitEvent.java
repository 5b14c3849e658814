package org.medcard.queue;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A Flight Recorder event per write transaction of the queue (BEGIN IMMEDIATE to COMMIT, the fsync included):
 * how many durable commits a sale makes and what each costs. Free while nothing records it.
 */
@Name(CommitEvent.NAME)
@Label("Queue commit")
@Category("MedCard")
@Description("One write transaction of queue.db, from BEGIN IMMEDIATE to the end of COMMIT")
@StackTrace(false)
final class CommitEvent extends jdk.jfr.Event {
    static final String NAME = "org.medcard.QueueCommit";

    @Label("What")
    String what;
}
