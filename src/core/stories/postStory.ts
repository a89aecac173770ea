// Outbox handler: draws a chosen story in its channel, once.
import { chatFor, type CoreDeps } from "../deps";
import { buildStoryView } from "./buildStoryView";

export async function postStory(deps: Pick<CoreDeps, "store" | "chat" | "clock" | "settings">, storyId: string): Promise<string> {
  const story = await deps.store.stories.byId(storyId);
  if (!story || story.messageRef) return "story already posted";
  const candidate = await deps.store.stories.candidate(story.questionId);
  if (!candidate) return "story's question is gone";
  const locale = (await deps.store.channels.locale(story.surface, story.channelId)) ?? deps.settings.defaultLocale;
  const view = buildStoryView({ story, candidate, locale, now: deps.clock.now(), excerptLength: deps.settings.excerptLength });
  const { messageRef } = await chatFor(deps, story.surface).postStory(story.channelId, view);
  await deps.store.stories.markPosted(story.id, messageRef);
  return "story posted";
}
