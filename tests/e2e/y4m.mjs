// A camera's picture for Chromium's fake capture device (--use-file-for-fake-video-capture): a
// YUV4MPEG2 video of still pictures, each shown for a number of frames. Pictures are RGBA pixels
// (as a canvas gives them); the video is I420 with BT.601 limited-range colours, which is what
// Chromium assumes for y4m files.
import fs from 'node:fs';

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
const luma = (r, g, b) => clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b);
const cb = (r, g, b) => clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
const cr = (r, g, b) => clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);

// One I420 frame from RGBA pixels of width x height (both even): full-size Y, then U and V, each
// the mean of a 2x2 block.
export function i420(rgba, width, height) {
  const frame = Buffer.alloc(width * height * 3 / 2);
  const px = (x, y) => 4 * (y * width + x);
  for (let i = 0, p = 0; i < width * height; i++, p += 4) frame[i] = luma(rgba[p], rgba[p + 1], rgba[p + 2]);
  const u = width * height, v = u + u / 4;
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0, g = 0, b = 0;
      for (const p of [px(x, y), px(x + 1, y), px(x, y + 1), px(x + 1, y + 1)]) { r += rgba[p]; g += rgba[p + 1]; b += rgba[p + 2]; }
      const k = (y / 2) * (width / 2) + x / 2;
      frame[u + k] = cb(r / 4, g / 4, b / 4);
      frame[v + k] = cr(r / 4, g / 4, b / 4);
    }
  }
  return frame;
}

// Writes `file`: each picture {rgba} held for `frames` frames at `fps` frames a second. Chromium
// plays the file in a loop.
export function writeY4m(file, { width, height, fps, pictures, frames }) {
  if (width % 2 || height % 2) throw new Error('y4m: I420 needs an even width and height');
  const out = fs.openSync(file, 'w');
  try {
    fs.writeSync(out, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const { rgba } of pictures) {
      const frame = i420(rgba, width, height);
      for (let i = 0; i < frames; i++) { fs.writeSync(out, 'FRAME\n'); fs.writeSync(out, frame); }
    }
  } finally { fs.closeSync(out); }
}
