// Story schedules as admins see them across channels (the console): every channel's schedules, and stopping one.
// Chat's `story list|stop` acts on the channel it is typed in; here an admin acts on any, checked and audited.
import type { CoreDeps } from "../deps";
import type { StorySchedule } from "../kernel/model";
import { authorisedChange, authoriseView, type Actor, type Refused } from "../policy";

type Deps = Pick<CoreDeps, "store" | "clock" | "settings" | "timers">;

export async function listStorySchedules(deps: Deps, who: Actor): Promise<{ ok: true; schedules: StorySchedule[] } | Refused> {
  if (!(await authoriseView(deps, who, "stories.list", { subject: null }))) return { ok: false, problem: "not_allowed" };
  return { ok: true, schedules: await deps.store.storySchedules.list() };
}

export async function removeStorySchedule(deps: Deps, who: Actor, id: number): Promise<{ ok: true; removed: boolean } | Refused> {
  const subject = `story_schedule:${id}`;
  const done = await authorisedChange<{ ok: true; removed: boolean }>(deps, who, "stories.remove", { subject }, async (tx) => {
    const removed = (await tx.storySchedules.remove({ id })).length > 0;
    return { outcome: { ok: true, removed }, audit: removed ? { subject } : null };
  });
  // The schedules' timers follow the table once the change is in.
  if (done.ok && done.removed) deps.timers?.reload();
  return done;
}
