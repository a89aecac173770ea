// Prisma CLI configuration: the JavaScript schema engine with a driver adapter, so that
// `prisma migrate` needs no native engine download (air-gapped machines).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataFolder } from "./src/db/dataFolderLock";

const url = process.env.DATABASE_URL;
// The schema's env("DATABASE_URL") must resolve, or the CLI cannot read the schema's
// engineType and falls back to downloading a native engine. Embedded mode has no URL.
if (!url) process.env.DATABASE_URL = "postgresql://embedded-pglite/advocate";

let embedded: PrismaPg | null = null;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (url && /^postgres(ql)?:\/\//.test(url)) return new PrismaPg({ connectionString: url });
    // The CLI asks more than once: one PGlite for the folder, under its lock (refused in words while Advocate runs,
    // released when the CLI exits).
    embedded ??= (() => {
      const dir = path.resolve(process.env.ADVOCATE_DATA_DIR ?? "data");
      lockDataFolder(dir, "prisma CLI");
      // pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10; the interface is unchanged in 6.19.
      return new PrismaPGlite(new PGlite(dir)) as unknown as PrismaPg;
    })();
    return embedded;
  },
});
