// The outbox work of this feature: response promises checked: reminders, misses, escalations.
import { z } from "zod";

export const promiseJobs = [z.object({ kind: z.literal("promises.check") })] as const;

export type PromiseJob = z.infer<(typeof promiseJobs)[number]>;
