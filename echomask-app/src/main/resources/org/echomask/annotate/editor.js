// The mask editor: spectrogram with the mask as a translucent overlay, brush/eraser/fill, undo/redo, zoom.
// The mask is a 0/1 array at the picture's own resolution (row 0 = top row of the picture).

import { drawAxes, readout } from "./axes.js";

const MARGIN = { left: 62, right: 14, top: 12, bottom: 40 };
const UNDO_LIMIT = 60;
const MASK_RGB = [255, 138, 0];

export class MaskEditor {
  constructor(canvas, stage, callbacks) {
    this.canvas = canvas;
    this.stage = stage;
    this.ctx = canvas.getContext("2d");
    this.on = callbacks; // {change(), cursor(text)}
    this.tool = "brush";
    this.size = 3;
    this.zoom = 1;
    this.opacity = 0.45;
    this.showMask = true;
    this.meta = null;
    this.undoStack = [];
    this.redoStack = [];
    this.overlay = document.createElement("canvas");
    this.stroke = null;
    this.hover = null;
    canvas.addEventListener("pointerdown", (e) => this.down(e));
    canvas.addEventListener("pointermove", (e) => this.move(e));
    window.addEventListener("pointerup", () => this.up());
    canvas.addEventListener("pointerleave", () => { this.hover = null; this.render(); });
    canvas.addEventListener("contextmenu", (e) => e.preventDefault());
    canvas.addEventListener("wheel", (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      this.setZoom(this.zoom * (e.deltaY < 0 ? 1.25 : 0.8));
    }, { passive: false });
    window.addEventListener("resize", () => this.render());
  }

  /** Shows a new example: its picture, its mask and its axes; clears the history. */
  load(meta, image, mask) {
    this.meta = meta;
    this.image = image;
    this.mask = mask;
    this.undoStack = [];
    this.redoStack = [];
    this.overlay.width = meta.width;
    this.overlay.height = meta.height;
    this.render();
  }

  /** Replaces the whole mask (threshold change, clear), as one undoable step. */
  replace(mask) {
    this.remember();
    this.mask = mask;
    this.changed();
  }

  clear() { this.replace(new Uint8Array(this.mask.length)); }

  undo() { this.swap(this.undoStack, this.redoStack); }
  redo() { this.swap(this.redoStack, this.undoStack); }

  swap(from, to) {
    if (!from.length) return;
    to.push(this.mask);
    this.mask = from.pop();
    this.changed();
  }

  remember() {
    this.undoStack.push(this.mask.slice());
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  changed() {
    this.render();
    this.on.change();
  }

  coverage() {
    let n = 0;
    for (const v of this.mask) n += v;
    return n / this.mask.length;
  }

  setZoom(z) {
    this.zoom = Math.min(16, Math.max(0.25, z));
    this.render();
  }

  /**
   * Where the picture goes in the canvas: at zoom 1 it fills the stage's width and the window's
   * spare height; spectrogram pixels need not be square, so the two axes scale independently.
   */
  plot() {
    const fitW = Math.max(240, this.stage.clientWidth - MARGIN.left - MARGIN.right - 4);
    const fitH = Math.max(240, window.innerHeight - 360 - MARGIN.top - MARGIN.bottom);
    const w = Math.round(fitW * this.zoom), h = Math.round(fitH * this.zoom);
    return { x: MARGIN.left, y: MARGIN.top, w, h, sx: w / this.meta.width, sy: h / this.meta.height };
  }

  render() {
    if (!this.meta) return;
    const p = this.plot();
    const cw = p.x + p.w + MARGIN.right, ch = p.y + p.h + MARGIN.bottom;
    if (this.canvas.width !== cw || this.canvas.height !== ch) {
      this.canvas.width = cw;
      this.canvas.height = ch;
    }
    const ctx = this.ctx;
    ctx.fillStyle = "#0a0e16";
    ctx.fillRect(0, 0, cw, ch);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.image, p.x, p.y, p.w, p.h);
    if (this.showMask) {
      this.paintOverlay();
      ctx.globalAlpha = this.opacity;
      ctx.drawImage(this.overlay, p.x, p.y, p.w, p.h);
      ctx.globalAlpha = 1;
    }
    drawAxes(ctx, p, this.meta);
    if (this.hover && this.tool !== "fill") {
      ctx.strokeStyle = this.tool === "eraser" ? "#f87171" : "#ffffff";
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.ellipse(p.x + (this.hover.x + 0.5) * p.sx, p.y + (this.hover.y + 0.5) * p.sy,
        (this.size - 0.5) * p.sx, (this.size - 0.5) * p.sy, 0, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  paintOverlay() {
    const { width, height } = this.meta;
    const octx = this.overlay.getContext("2d");
    const img = octx.createImageData(width, height);
    for (let i = 0; i < this.mask.length; i++) {
      if (this.mask[i]) {
        img.data[4 * i] = MASK_RGB[0];
        img.data[4 * i + 1] = MASK_RGB[1];
        img.data[4 * i + 2] = MASK_RGB[2];
        img.data[4 * i + 3] = 255;
      }
    }
    octx.putImageData(img, 0, 0);
  }

  /** Picture pixel under a pointer event, or null outside the picture. */
  pixel(e) {
    const r = this.canvas.getBoundingClientRect();
    const p = this.plot();
    const x = Math.floor((e.clientX - r.left - p.x) / p.sx);
    const y = Math.floor((e.clientY - r.top - p.y) / p.sy);
    return x >= 0 && y >= 0 && x < this.meta.width && y < this.meta.height ? { x, y } : null;
  }

  down(e) {
    if (!this.meta) return;
    const px = this.pixel(e);
    if (!px) return;
    e.preventDefault();
    this.canvas.focus();
    this.remember();
    if (this.tool === "fill") {
      this.fill(px.x, px.y, e.button === 2 ? 0 : 1);
      this.changed();
      return;
    }
    this.stroke = { value: this.tool === "eraser" || e.button === 2 ? 0 : 1, last: px };
    this.dab(px.x, px.y, this.stroke.value);
    this.render();
  }

  move(e) {
    if (!this.meta) return;
    const px = this.pixel(e);
    this.hover = px;
    this.on.cursor(px ? readout(this.meta, px.x, px.y) : "");
    if (this.stroke && px) {
      this.line(this.stroke.last, px, this.stroke.value);
      this.stroke.last = px;
    }
    this.render();
  }

  up() {
    if (!this.stroke) return;
    this.stroke = null;
    this.changed();
  }

  /** A filled disc of the brush radius. */
  dab(cx, cy, value) {
    const { width, height } = this.meta;
    const r = this.size - 0.5;
    const ri = Math.ceil(r);
    for (let dy = -ri; dy <= ri; dy++) {
      for (let dx = -ri; dx <= ri; dx++) {
        const x = cx + dx, y = cy + dy;
        if (dx * dx + dy * dy <= r * r && x >= 0 && y >= 0 && x < width && y < height) {
          this.mask[y * width + x] = value;
        }
      }
    }
  }

  /** Dabs along the segment so fast strokes leave no gaps. */
  line(a, b, value) {
    const n = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y), 1);
    for (let i = 1; i <= n; i++) {
      this.dab(Math.round(a.x + (b.x - a.x) * i / n), Math.round(a.y + (b.y - a.y) * i / n), value);
    }
  }

  /** Flood fill (4-connected) of the region of equal value under (x, y) with `value`. */
  fill(x, y, value) {
    const { width, height } = this.meta;
    const m = this.mask;
    const from = m[y * width + x];
    if (from === value) return;
    const stack = [y * width + x];
    while (stack.length) {
      const i = stack.pop();
      if (m[i] !== from) continue;
      m[i] = value;
      const cx = i % width, cy = (i - cx) / width;
      if (cx > 0) stack.push(i - 1);
      if (cx < width - 1) stack.push(i + 1);
      if (cy > 0) stack.push(i - width);
      if (cy < height - 1) stack.push(i + width);
    }
  }

  /** The mask as a PNG (white = signal on black, the picture's own size), for saving. */
  toPng() {
    const { width, height } = this.meta;
    const c = document.createElement("canvas");
    c.width = width;
    c.height = height;
    const cctx = c.getContext("2d");
    const img = cctx.createImageData(width, height);
    for (let i = 0; i < this.mask.length; i++) {
      const v = this.mask[i] ? 255 : 0;
      img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = v;
      img.data[4 * i + 3] = 255;
    }
    cctx.putImageData(img, 0, 0);
    return new Promise((resolve, reject) =>
      c.toBlob((b) => (b ? resolve(b) : reject(new Error("cannot encode the mask"))), "image/png"));
  }
}
