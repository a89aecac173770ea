// A text file for one person (a report's CSV), with the weekly trend a surface that can draw a chart adds beside it.
import { z } from "zod";

export const chatFileSchema = z.object({
  filename: z.string(),
  title: z.string(),
  content: z.string(),
  /** A weekly trend for a surface that can attach its chart beside the file. */
  trend: z.array(z.object({ week: z.string(), activeAdvocates: z.number().int(), answers: z.number().int() })).optional(),
});
export type ChatFile = z.infer<typeof chatFileSchema>;
