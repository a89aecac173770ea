// Zod shapes for the parts of Slack interaction payloads we read.
import { z } from "zod";
import { IDEA_STATUSES } from "../../../core/kernel/ideaStatus";

export const cardButtonValue = z.object({ topicId: z.number().int().positive() });

export const blockActionBody = z.object({
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  trigger_id: z.string(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
});

export const modalContext = z.object({
  topicId: z.number().int().positive(),
  channelId: z.string(),
  messageTs: z.string(),
  locale: z.string().max(16).optional(),
});

export const answerModalContext = modalContext.extend({ drafts: z.number().int().min(0).max(1000).optional(), draftId: z.uuid().optional() });

export const answerValues = z.object({
  answer: z.object({ answer_text: z.object({ value: z.string().nullish() }) }),
  consent: z.object({ publish_as_me: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) }),
});

/** Whether the "publish as me" box of a form was ticked. */
export function consented(values: z.infer<typeof answerValues>["consent"]): boolean {
  return (values.publish_as_me.selected_options ?? []).some((option) => option.value === "publish_as_me");
}

export const ideaChoice = z.object({ topicId: z.number().int().positive(), status: z.enum(IDEA_STATUSES) });

export const ideaModalContext = modalContext.extend({ status: z.enum(IDEA_STATUSES) });

const optionalText = z.object({ value: z.string().nullish() });
export const ideaValues = z.object({
  reply: z.object({ reply_text: optionalText }),
  reason: z.object({ reason_text: optionalText }).optional(),
  consent: answerValues.shape.consent,
});

export const passValues = z.object({ reason: z.object({ reason_text: z.object({ value: z.string().nullish() }) }) });

/** Parses the JSON a button or a modal carries; null when it is not what we put there. */
export function parseJsonWith<T>(schema: z.ZodType<T>, text: string | undefined): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
