package org.rectiflow.task;

/**
 * Published inside the transaction that settled a task (closed off, or declared long-term), while the
 * inspection's row lock is held; the rectification process listens to learn when every task is settled.
 */
public record TaskSettledEvent(Long inspectionId, Long taskId) {
}
