// The outbox work of this feature: a person's home (points, claims, HR's report) redrawn.
import { z } from "zod";
import { surfaceSchema } from "../kernel/model";
import { homeReportChoiceSchema } from "../ports/views/reportView";

export const homeJobs = [
  z.object({
    kind: z.literal("chat.publishHome"),
    surface: surfaceSchema,
    userId: z.string(),
    report: homeReportChoiceSchema.optional(),
    /** The person asked to see their home now (installed the app, typed `home`), not a redraw after new points. */
    asked: z.boolean().optional(),
  }),
] as const;

export type HomeJob = z.infer<(typeof homeJobs)[number]>;
