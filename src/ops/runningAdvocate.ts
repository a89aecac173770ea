// Finds the Advocate that holds an embedded data folder, and hands it work through its local admin API, so that
// no second process ever opens the folder beside it.
import { LOCAL_ADMIN_PATHS } from "../http/localAdmin";
import { isAlive, readLockHolder, type LockHolder } from "../db/dataFolderLock";

export interface RunningAdvocate {
  holder: LockHolder;
  post(path: keyof typeof LOCAL_ADMIN_PATHS, body?: { contentType: string; data: string }, query?: Record<string, string>): Promise<Response>;
}

/** The live process holding the folder, or null when nobody does (then the caller may open it itself). */
export function runningAdvocate(folder: string): RunningAdvocate | null {
  const holder = readLockHolder(folder);
  if (!holder || !isAlive(holder)) return null;
  return {
    holder,
    async post(path, body, query = {}) {
      if (!holder.url) {
        throw new Error(`Advocate (pid ${holder.pid}) holds ${folder} but is still starting; try again in a moment.`);
      }
      const url = new URL(LOCAL_ADMIN_PATHS[path], holder.url);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      const headers: Record<string, string> = { authorization: `Bearer ${holder.token}` };
      if (body) headers["content-type"] = body.contentType;
      const response = await fetch(url, { method: "POST", headers, body: body?.data }).catch((error: unknown) => {
        throw new Error(`Advocate (pid ${holder.pid}) holds ${folder} but does not answer at ${holder.url} (${(error as Error).message}).`);
      });
      if (!response.ok) throw new Error(`Advocate (pid ${holder.pid}) refused: ${response.status} ${(await response.text()).trim()}`);
      return response;
    },
  };
}
