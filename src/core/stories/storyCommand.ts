// `story` (share one now), `story every <days> <HH:MM> [timezone]`, `story list`, `story stop [id]`.
import type { CoreDeps } from "../deps";
import type { StorySchedule } from "../kernel/model";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";
import { shareStory } from "./shareStory";
import { isAdmin } from "../policy";
import { actorEmployee } from "../accounts";
import { awardStoryShared } from "../points";
import { parseStorySchedule, type ScheduleProblem } from "./storySchedule";

export type StoryReply =
  | { type: "story_shared"; points: number }
  | { type: "story_none" }
  | { type: "story_scheduled"; schedule: StorySchedule }
  | { type: "story_schedules"; schedules: StorySchedule[] }
  | { type: "story_stopped"; ids: number[]; asked: number | null };

export type StoryProblem = ScheduleProblem | "bad_story_id";

export type StoryCommandReply = StoryReply | CommandError<StoryProblem | "unknown_command">;

async function storyCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings" | "timers">, ctx: CommandContext, args: string[]): Promise<StoryCommandReply> {
  const target = { surface: ctx.surface, channelId: ctx.channelId };
  const [sub, ...rest] = args;
  switch (sub?.toLowerCase()) {
    case undefined: {
      const story = await shareStory(deps, target);
      if (!story) return { type: "story_none" };
      // The colleague who opens a meeting with a customer's story earns points for it (scheduled stories don't).
      const points = await awardStoryShared(deps, await actorEmployee(deps, ctx), story.id);
      return { type: "story_shared", points };
    }
    case "every": {
      const parsed = parseStorySchedule(rest, deps.settings.timezone);
      if (!parsed.ok) return { type: "error", problem: parsed.problem, detail: parsed.detail };
      const schedule = await deps.store.storySchedules.add({ ...target, ...parsed.spec, createdBy: ctx.userId });
      deps.timers?.reload();
      return { type: "story_scheduled", schedule };
    }
    case "list":
      return { type: "story_schedules", schedules: await deps.store.storySchedules.forChannel(target) };
    case "stop": {
      const id = rest[0] === undefined ? null : Number(rest[0]);
      if (id !== null && (!Number.isInteger(id) || id <= 0)) return { type: "error", problem: "bad_story_id", detail: rest[0] ?? "" };
      // A schedule belongs to its channel: stopped there, or anywhere by an admin.
      const ids = await deps.store.storySchedules.remove(id === null ? { target } : isAdmin(deps.settings, ctx) ? { id } : { id, target });
      deps.timers?.reload();
      return { type: "story_stopped", ids, asked: id };
    }
    default:
      return { type: "error", problem: "unknown_command", detail: `story ${sub}` };
  }
}

export const storyCommands = { story: storyCommand } satisfies Verbs;
