// Slack shows an error to the user when a view submission is not acknowledged within 3 seconds (and Bolt answers
// 404 after it). Work that should decide the ack (field errors keep the modal open) gets this long; beyond it the
// ack goes out anyway and the work carries on.
export const ACK_DEADLINE_MS = 2000;

export type WithinDeadline<T> = { late: false; value: T } | { late: true; pending: Promise<T> };

export async function withinAckDeadline<T>(work: Promise<T>, deadlineMs = ACK_DEADLINE_MS): Promise<WithinDeadline<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), deadlineMs)));
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    return first === "late" ? { late: true, pending: work } : { late: false, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
