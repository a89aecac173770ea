import { chatFor } from "../deps";
import type { JobHandlers } from "../outbox/jobHandlers";
import type { NoticeJob } from "./noticeJobs";

export const noticeJobHandlers: JobHandlers<NoticeJob> = {
  "chat.notify": async (deps, job) => {
    await chatFor(deps, job.surface).notify(job.userId, job.notice, job.locale);
    return "notified";
  },
  "chat.channelNotice": async (deps, job) => {
    await chatFor(deps, job.surface).postNotice(job.channelId, job.threadRef, job.notice, job.locale);
    return "notice posted";
  },
  "chat.sendFile": async (deps, job) => {
    await chatFor(deps, job.surface).sendFile(job.userId, job.file, job.locale);
    return "file sent";
  },
};
