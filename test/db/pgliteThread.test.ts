// The embedded database on its own thread: what the app's thread gets back is what PGlite itself returns (values,
// row modes, the caller's parsers, errors), transactions keep PGlite's meaning, and a running statement no longer
// holds the app's event loop.
import { PGlite, messages, types } from "@electric-sql/pglite";
import { PGliteThread } from "../../src/db/embedded/pgliteThread";
import { inBackground } from "../../src/db/embedded/workPriority";
import { AGED_MS } from "../../src/db/embedded/sessionQueue";

const EVERY_KIND = `SELECT 1::int2 AS small, 2::int4 AS int, 9007199254740993::int8 AS big, 1.25::numeric AS num, 2.5::float8 AS float,
  true AS yes, NULL::text AS nothing, 'naïve'::text AS text, '2026-12-07 10:00:00+00'::timestamptz AS at, '2026-12-07'::date AS day,
  '{"a":[1,{"b":null}]}'::jsonb AS doc, '\\x00ff'::bytea AS bytes, ARRAY[1,2,3]::int4[] AS ints, ARRAY['x',NULL]::text[] AS texts,
  ARRAY['2026-01-01 00:00:00+00']::timestamptz[] AS ats, ARRAY['(1,2),(0,0)']::box[] AS boxes, gen_random_uuid() IS NOT NULL AS has_uuid, $1::text AS param, $2::int8[] AS param_array`;
const PARAMS = ["from the app", [1, 2]];

let thread: PGliteThread;
let direct: PGlite;

beforeAll(async () => {
  [thread, direct] = await Promise.all([PGliteThread.open("memory://thread"), PGlite.create("memory://direct")]);
  for (const db of [thread, direct]) await db.exec("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)");
});
afterAll(async () => {
  await thread.close();
  await direct.close();
});
beforeEach(async () => {
  await thread.exec("DELETE FROM item");
});

describe("values", () => {
  it("come back as PGlite returns them, as objects and as arrays", async () => {
    for (const rowMode of ["object", "array"] as const) {
      const [mine, theirs] = await Promise.all([thread.query(EVERY_KIND, PARAMS, { rowMode }), direct.query(EVERY_KIND, PARAMS, { rowMode })]);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
    }
    const { rows } = await thread.query<Record<string, unknown>>(EVERY_KIND, PARAMS);
    expect(rows[0]).toMatchObject({ big: 9007199254740993n, at: new Date("2026-12-07T10:00:00Z"), doc: { a: [1, { b: null }] }, ints: [1, 2, 3] });
    expect(rows[0]!.bytes).toEqual(new Uint8Array([0, 255]));
  });

  it("are sent as PGlite writes them, whatever their kind", async () => {
    const sql = `SELECT $1::timestamptz AS at, $2::bytea AS bytes, $3::jsonb AS doc, $4::int8 AS big, $5::bool AS yes, $6::text AS nothing, $7 AS untyped`;
    const params = [new Date("2026-12-07T10:00:00.123Z"), new Uint8Array([1, 2, 255]), { a: ["b", null] }, 9007199254740993n, false, null, "as text"];
    const [mine, theirs] = await Promise.all([thread.query(sql, params), direct.query(sql, params)]);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows[0]).toMatchObject({
      at: new Date("2026-12-07T10:00:00.123Z"),
      doc: { a: ["b", null] },
      big: 9007199254740993n,
      yes: false,
      nothing: null,
    });
  });

  it("go through the caller's parsers, as Prisma's adapter passes them", async () => {
    const parsers = { [types.INT8]: (text: string) => `int8:${text}`, [types.TIMESTAMPTZ]: (text: string) => `at:${text}` };
    const [mine, theirs] = await Promise.all([
      thread.query(EVERY_KIND, PARAMS, { rowMode: "array", parsers }),
      direct.query(EVERY_KIND, PARAMS, { rowMode: "array", parsers }),
    ]);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows[0]).toContain("int8:9007199254740993");
  });

  it("count affected rows, also from a script of several statements", async () => {
    const inserted = await thread.query("INSERT INTO item VALUES ($1, $2), ($3, $4)", [1, "one", 2, "two"]);
    expect(inserted.affectedRows).toBe(2);
    const results = await thread.exec("UPDATE item SET name = upper(name); SELECT name FROM item ORDER BY id");
    expect(results.map((result) => result.affectedRows)).toEqual([2, 2]);
    expect(results[1]!.rows).toEqual([{ name: "ONE" }, { name: "TWO" }]);
  });
});

describe("errors", () => {
  it("are PGlite's DatabaseError with PostgreSQL's fields, so Prisma can tell a conflict from a fault", async () => {
    await thread.query("INSERT INTO item VALUES (1, 'one')");
    const error = await thread.query("INSERT INTO item VALUES (1, 'again')").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "item_pkey", table: "item", message: expect.stringContaining("duplicate key") });
    // The session is usable after it.
    expect((await thread.query("SELECT count(*)::int AS n FROM item")).rows).toEqual([{ n: 1 }]);
  });

  it("leave the session usable whichever step PostgreSQL refused", async () => {
    const refused = [
      ["SELECT nope FROM item WHERE id = $1", [1], "42703"], // on reading the statement
      ["SELECT nope FROM item", [], "42703"], // the same, with no parameters
      ["SELECT 1 / $1::int", [0], "22012"], // on running it
      ["SELECT $1::int", ["not a number"], "22P02"], // on reading a value
    ] as const;
    for (const [sql, params, code] of refused) {
      await expect(thread.query(sql, [...params])).rejects.toMatchObject({ code });
      expect((await thread.query("SELECT $1::int + 1 AS n", [1])).rows).toEqual([{ n: 2 }]);
    }
  });
});

describe("transactions", () => {
  it("commit when the work returns, roll back when it throws or asks to", async () => {
    await thread.transaction(async (tx) => void (await tx.query("INSERT INTO item VALUES (1, 'kept')")));
    await expect(
      thread.transaction(async (tx) => {
        await tx.query("INSERT INTO item VALUES (2, 'thrown')");
        throw new Error("work failed");
      }),
    ).rejects.toThrow("work failed");
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (3, 'rolled back')");
      await tx.rollback();
    });
    expect((await thread.query("SELECT id FROM item ORDER BY id")).rows).toEqual([{ id: 1 }]);
  });

  it("keep statements from outside out until they end", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (1, 'uncommitted')");
      await held;
      await tx.rollback();
    });
    const outside = thread.query<{ n: number }>("SELECT count(*)::int AS n FROM item");
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await inside;
    // Had the outside read run inside the open transaction it would have seen the uncommitted row.
    expect((await outside).rows).toEqual([{ n: 0 }]);
  });
});

it("serves a person's statement before the outbox's backlog sent ahead of it", async () => {
  const done: string[] = [];
  // An open transaction holds the session while the backlog and then the person's statement are sent, so they all
  // wait together however slowly this thread sends them (without it, a busy machine ran part of the backlog first).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const sentAt = performance.now();
  const holder = thread.transaction(() => held).then(() => performance.now());
  const backlog = Array.from({ length: 200 }, (_, i) =>
    inBackground(() => thread.query("INSERT INTO item VALUES ($1, 'queued')", [i])).then(() => done.push(`background ${i}`)),
  );
  const person = thread.query("SELECT count(*) FROM item").then(() => done.push("person"));
  release();
  const [committedAt] = await Promise.all([holder, ...backlog, person]);
  // In order of arrival it would come 201st. Had this machine stood still for AGED_MS meanwhile, the backlog would
  // rightly go first, by age.
  expect(done.indexOf("person") === 0 || committedAt - sentAt >= AGED_MS).toBe(true);
});

it("a statement that runs for a while leaves the app's event loop free", async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  await thread.query("SELECT pg_sleep(0.5)");
  clearInterval(timer);
  // On the app's own thread PGlite would have let none through in those 500 ms.
  expect(ticks).toBeGreaterThanOrEqual(10);
});

it("a dump is PGlite's gzipped tar of the folder, and a closed database says so", async () => {
  const other = await PGliteThread.open("memory://closing");
  const dump = await other.dump();
  expect([dump[0], dump[1]]).toEqual([0x1f, 0x8b]);
  await other.close();
  await expect(other.query("SELECT 1")).rejects.toThrow("the embedded database is closed");
});
