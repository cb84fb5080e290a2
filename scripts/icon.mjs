// Draws the extension icon, media/icon.png (256×256), with no dependency: shapes are
// rasterized with 4×4 supersampling and written as a PNG with node:zlib.
// `node scripts/icon.mjs` rewrites it; the PNG is committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const SS = 4;
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');

/** Signed-distance-ish tests: true when (x, y) lies inside. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** A thick line segment with round caps. */
const stroke = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// Layers, bottom to top: [inside, color(x, y) → [r, g, b]].
const teal = (x, y) => {
  const t = (x + y) / (2 * SIZE);
  return [Math.round(18 + 20 * t), Math.round(130 - 40 * t), Math.round(140 - 30 * t)];
};
const layers = [
  [roundedRect(8, 8, 248, 248, 44), teal],
  // The note: a sheet with a folded corner.
  [roundedRect(58, 40, 186, 212, 14), () => [250, 250, 246]],
  [(x, y) => x > 150 && x <= 187 && y >= 39 && y < 76 && x - 150 > y - 40, teal],
  [(x, y) => x >= 150 && x <= 186 && y >= 40 && y <= 76 && x - 150 <= y - 40 && roundedRect(58, 40, 186, 212, 14)(x, y), () => [214, 222, 220]],
  // Lines of text.
  [stroke(82, 92, 138, 92, 12), () => [150, 166, 170]],
  [stroke(82, 122, 162, 122, 12), () => [150, 166, 170]],
  [stroke(82, 152, 130, 152, 12), () => [150, 166, 170]],
  // The coach's check mark in a warm badge.
  [circle(182, 184, 48), () => [255, 255, 255]],
  [circle(182, 184, 41), () => [245, 166, 35]],
  [stroke(162, 186, 177, 201, 13), () => [255, 255, 255]],
  [stroke(177, 201, 204, 168, 13), () => [255, 255, 255]],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS, y = py + (sy + 0.5) / SS;
        let color;
        for (const [inside, paint] of layers) if (inside(x, y)) color = paint(x, y);
        if (color) {
          r += color[0]; g += color[1]; b += color[2]; a++;
        }
      }
    }
    const i = (py * SIZE + px) * 4;
    // Premultiplied sums back to straight alpha.
    rgba[i] = a ? Math.round(r / a) : 0;
    rgba[i + 1] = a ? Math.round(g / a) : 0;
    rgba[i + 2] = a ? Math.round(b / a) : 0;
    rgba[i + 3] = Math.round((255 * a) / (SS * SS));
  }
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`Wrote ${path.relative(process.cwd(), out)} (${SIZE}×${SIZE}, ${png.length} bytes)`);
