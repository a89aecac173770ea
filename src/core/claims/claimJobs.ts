// The outbox work of this feature: claims that ran out, released.
import { z } from "zod";

export const claimJobs = [z.object({ kind: z.literal("claims.expire") })] as const;

export type ClaimJob = z.infer<(typeof claimJobs)[number]>;
