// The outbox work of retention: the daily sweep of what is kept only for a while (ADVOCATE_RETENTION_DAYS).
import { z } from "zod";

export const retentionJobs = [z.object({ kind: z.literal("retention.sweep") })] as const;

export type RetentionJob = z.infer<(typeof retentionJobs)[number]>;
