import { chatFor } from "../deps";
import type { JobHandlers } from "../outbox/jobHandlers";
import type { HomeJob } from "./homeJobs";
import { buildHomeView } from "./homeView";

export const homeJobHandlers: JobHandlers<HomeJob> = {
  "chat.publishHome": async (deps, job) => {
    const employee = await deps.store.employees.ensure(job.surface, job.userId);
    const view = await buildHomeView(deps, { surface: job.surface, userId: job.userId }, job.report);
    await chatFor(deps, job.surface).publishHome(job.userId, view, employee.locale ?? deps.settings.defaultLocale, { asked: job.asked ?? false });
    return "home published";
  },
};
