// The outbox work of this feature: finding a person's community account by their email.
import { z } from "zod";

export const accountJobs = [z.object({ kind: z.literal("account.lookup"), employeeId: z.string() })] as const;

export type AccountJob = z.infer<(typeof accountJobs)[number]>;
