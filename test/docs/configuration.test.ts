// docs/configuration.md cannot drift from the code: its table names exactly the variables the zod schemas read,
// with the schemas' defaults, and says which ones are required.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { coreEnv } from "../../src/config";
import { slackEnv } from "../../src/chat/slack/config";
import { teamsEnv } from "../../src/chat/teams/config";
import { discourseEnv } from "../../src/community/discourse/config";
import { aiEnv } from "../../src/ai/openai/config";
import { consoleEnv } from "../../src/console/config";

const DOC = path.join(__dirname, "../../docs/configuration.md");
const SECTION = "## Environment variables";

const schemas = { coreEnv, slackEnv, teamsEnv, discourseEnv, aiEnv, consoleEnv };

interface Row {
  name: string;
  defaultCell: string;
  meaning: string;
}

/** The rows of the one table under SECTION; a row whose first cell is not one `NAME` fails the test. */
function documentedRows(): Row[] {
  const text = readFileSync(DOC, "utf8");
  const start = text.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`${DOC} has no "${SECTION}" section`);
  const rest = text.slice(start + SECTION.length + 2);
  const end = rest.search(/^## /m);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  if (first < 0) throw new Error(`no table under "${SECTION}"`);
  const after = lines.slice(first).findIndex((line) => !line.startsWith("|"));
  const table = after < 0 ? lines.slice(first) : lines.slice(first, first + after);
  const more = lines.slice(first + table.length).some((line) => line.startsWith("|"));
  if (more) throw new Error(`"${SECTION}" must hold one table, not several`);
  const [header, separator, ...body] = table.map(cells);
  expect(header).toEqual(["Variable", "Default", "Meaning"]);
  expect(separator?.every((cell) => /^:?-+:?$/.test(cell))).toBe(true);
  return body.map((row, index) => {
    const name = /^`([A-Za-z_][A-Za-z0-9_]*)`$/.exec(row[0] ?? "")?.[1];
    if (!name || row.length !== 3) throw new Error(`row ${index + 1} of the table is not | \`NAME\` | default | meaning |: ${row.join(" | ")}`);
    return { name, defaultCell: row[1] ?? "", meaning: row[2] ?? "" };
  });
}

/** A Markdown table line's cells; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|\s*$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function schemaFields(): Map<string, z.ZodType> {
  const fields = new Map<string, z.ZodType>();
  for (const [schemaName, schema] of Object.entries(schemas)) {
    for (const [key, field] of Object.entries(schema.shape)) {
      if (fields.has(key)) throw new Error(`${key} is read by two schemas (again in ${schemaName})`);
      fields.set(key, field as z.ZodType);
    }
  }
  return fields;
}

/** What a field's default is, through transforms and pipes; undefined when it has none. */
function defaultOf(field: z.ZodType): unknown {
  if (field instanceof z.ZodDefault) return field.def.defaultValue;
  if (field instanceof z.ZodPipe) return defaultOf(field.in as z.ZodType);
  return undefined;
}

const sorted = (names: Iterable<string>) => [...names].sort();

test("the table names every variable the schemas read, and nothing else", () => {
  const documented = documentedRows().map((row) => row.name);
  const read = schemaFields();
  expect(documented.length).toBeGreaterThan(0);
  expect(sorted(documented.filter((name, index) => documented.indexOf(name) !== index))).toEqual([]);
  // Named apart, so a failure says which way the docs drifted.
  expect({ undocumented: sorted([...read.keys()].filter((name) => !documented.includes(name))) }).toEqual({ undocumented: [] });
  expect({ notInAnySchema: sorted(documented.filter((name) => !read.has(name))) }).toEqual({ notInAnySchema: [] });
});

test("each documented default is the schema's, and variables without one say whether they are required", () => {
  const fields = schemaFields();
  const wrong: string[] = [];
  for (const row of documentedRows()) {
    const field = fields.get(row.name);
    if (!field) continue; // reported by the test above
    if (!row.meaning) wrong.push(`${row.name}: no meaning`);
    const value = defaultOf(field);
    if (value !== undefined && value !== "") {
      if (!row.defaultCell.includes(`\`${String(value)}\``)) wrong.push(`${row.name}: default should show \`${String(value)}\`, is "${row.defaultCell}"`);
    } else if (value === undefined && !(field instanceof z.ZodOptional)) {
      if (!/required/i.test(row.defaultCell)) wrong.push(`${row.name}: has no default, so its Default cell should say it is required, is "${row.defaultCell}"`);
    }
  }
  expect(wrong).toEqual([]);
});
