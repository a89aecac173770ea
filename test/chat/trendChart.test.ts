// The weekly trend chart is a real PNG of the intended size.
import { trendChartPng } from "../../src/chat/shared/trendChart";
import { chartEngine } from "../../src/chat/shared/chartEngine";

test("the weekly trend renders to an 800×400 PNG", async () => {
  const png = trendChartPng(
    await chartEngine(),
    [
      { week: "2026-W45", activeAdvocates: 2, answers: 2 },
      { week: "2026-W46", activeAdvocates: 3, answers: 2 },
    ],
    { active: "Active advocates", answers: "Answers" },
  );
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR: width and height, big-endian, right after the signature and chunk header.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  expect(png.length).toBeGreaterThan(5_000);
});
