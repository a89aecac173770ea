// Draws the two Teams app icons (a white "A" on Advocate indigo) and writes them as PNGs.
// Run: npx tsx scripts/teamsIcons.ts — the PNGs are committed, so this only reruns when the design changes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const INDIGO: Rgb = [0x4f, 0x46, 0xe5];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = [number, number, number];

/** True when the unit-square point lies on the letter "A" (apex at top centre, flat feet). */
function onLetterA(x: number, y: number, stroke: number, top: number, bottom: number, halfSpread: number): boolean {
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const leftLeg = 0.5 - halfSpread * t;
  const rightLeg = 0.5 + halfSpread * t;
  // Legs measured horizontally, widened so the slanted stroke keeps its thickness.
  const half = (stroke / 2) * Math.hypot(1, halfSpread / (bottom - top));
  if (Math.abs(x - leftLeg) <= half || Math.abs(x - rightLeg) <= half) return true;
  const barTop = top + (bottom - top) * 0.6;
  return y >= barTop && y <= barTop + stroke * 0.8 && x > leftLeg && x < rightLeg;
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/**
 * 192×192 colour icon: indigo rounded square, white letter. 4×4 supersampling smooths the edges;
 * the corners stay transparent so Teams' own tile shape shows through.
 */
function colorIcon(size = 192): Buffer {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let indigo = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!inRoundedSquare(x, y, 0.22)) continue;
          if (onLetterA(x, y, 0.11, 0.22, 0.78, 0.22)) white++;
          else indigo++;
        }
      }
      const covered = indigo + white;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = covered ? Math.round((INDIGO[c]! * indigo + WHITE[c]! * white) / covered) : 0;
      rgba[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return encodePng(size, size, rgba);
}

/** 32×32 outline icon: Teams requires white on fully transparent, so no anti-aliasing (no half-transparent pixels). */
function outlineIcon(size = 32): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      if (!onLetterA((px + 0.5) / size, (py + 0.5) / size, 0.13, 0.12, 0.88, 0.3)) continue;
      rgba.fill(0xff, (py * size + px) * 4, (py * size + px + 1) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

/** Minimal PNG: 8-bit RGBA, one IDAT, filter type 0 on every row. */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, standard filters, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// zlib.crc32 needs Node 20.15+; engines allows any Node 20, so the CRC is computed here.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const dir = path.resolve(__dirname, "../manifests/teams");
writeFileSync(path.join(dir, "color.png"), colorIcon());
writeFileSync(path.join(dir, "outline.png"), outlineIcon());
console.log(`Wrote color.png and outline.png to ${dir}`);
