// Hostile variations of a real payload: values swapped for any JSON, keys dropped, or the whole body replaced.
import fc from "fast-check";

type Json = unknown;
type Path = Array<string | number>;

function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

/** The payload with the value at `path` replaced (or removed, for undefined); unchanged where an earlier edit removed the path. */
function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (!path.length) return value === undefined ? root : value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return copy;
    node = (node as Record<string | number, Json>)[key];
  }
  if (node === null || typeof node !== "object") return copy;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete (node as Record<string | number, Json>)[last];
  else (node as Record<string | number, Json>)[last] = value;
  return copy;
}

/** Up to three edits of the given payload, or now and then something else entirely. */
export function mutated(base: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(base);
  const edit = fc.record({ path: fc.constantFrom(...paths), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce<Json>((body, { path, value }) => setAt(body, path, value), base)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** Raw bodies that are not JSON at all. */
export const garbage = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("", "{", "[]", "null", "\u0000", '{"a":'));
