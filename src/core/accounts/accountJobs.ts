// The outbox work of this feature: finding a person's community account by their email, and learning a chat
// identity's verified email from its chat profile.
import { z } from "zod";
import { surfaceSchema } from "../kernel/model";

export const accountJobs = [
  z.object({
    kind: z.literal("account.lookup"),
    employeeId: z.string(),
    /** The chat identity that asked, whose profile is read (jobs queued before identities: the person's first). */
    surface: surfaceSchema.optional(),
    userId: z.string().optional(),
  }),
  z.object({
    kind: z.literal("account.verifyEmail"),
    surface: surfaceSchema,
    userId: z.string(),
  }),
] as const;

export type AccountJob = z.infer<(typeof accountJobs)[number]>;
