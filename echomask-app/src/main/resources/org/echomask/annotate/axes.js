// Time and frequency rulers around the spectrogram, and the cursor read-out.

/** A "nice" tick step (1, 2 or 5 x 10^k) giving about `count` ticks over `span`. */
function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

function decimals(step) {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** Fractional row position (0 = bottom edge) of frequency hz, from the rows' edge frequencies. */
export function rowOf(edges, hz) {
  const n = edges.length - 1;
  for (let i = 0; i < n; i++) {
    if (hz >= edges[i] && hz <= edges[i + 1]) {
      return i + (hz - edges[i]) / (edges[i + 1] - edges[i]);
    }
  }
  return hz < edges[0] ? 0 : n;
}

/** Frequency at fractional row position `row` (0 = bottom edge). */
export function hzAt(edges, row) {
  const n = edges.length - 1;
  const i = Math.min(n - 1, Math.max(0, Math.floor(row)));
  return edges[i] + (row - i) * (edges[i + 1] - edges[i]);
}

export function formatHz(hz, useKhz) {
  return useKhz ? (hz / 1000).toFixed(hz >= 10000 ? 1 : 2) + " kHz" : hz.toFixed(0) + " Hz";
}

/**
 * Draws both rulers. `plot` = {x, y, w, h} in canvas pixels; `meta` has start_s, end_s, height
 * and row_edges_hz (null when the frequency range is unknown: rows are labelled instead).
 */
export function drawAxes(ctx, plot, meta) {
  ctx.save();
  ctx.font = "11px 'DejaVu Sans', sans-serif";
  ctx.fillStyle = "#8b97ad";
  ctx.strokeStyle = "#3a465c";
  ctx.lineWidth = 1;

  // Time along the bottom.
  const t0 = meta.start_s, t1 = meta.end_s;
  const tStep = niceStep(t1 - t0, Math.max(2, Math.floor(plot.w / 90)));
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let t = Math.ceil(t0 / tStep - 1e-9) * tStep; t <= t1 + 1e-9; t += tStep) {
    const x = Math.round(plot.x + (t - t0) / (t1 - t0) * plot.w) + 0.5;
    line(ctx, x, plot.y + plot.h, x, plot.y + plot.h + 5);
    ctx.fillText(t.toFixed(decimals(tStep)), x, plot.y + plot.h + 7);
  }
  ctx.fillText("time (s)", plot.x + plot.w / 2, plot.y + plot.h + 22);

  // Frequency up the left side.
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const rows = meta.height;
  const edges = meta.row_edges_hz;
  const ticks = Math.max(2, Math.floor(plot.h / 50));
  if (edges) {
    const f0 = edges[0], f1 = edges[edges.length - 1];
    const khz = f1 >= 2000;
    const step = niceStep(f1 - f0, ticks);
    const unit = khz ? 1000 : 1;
    for (let f = Math.ceil(f0 / step - 1e-9) * step; f <= f1 + 1e-6; f += step) {
      const y = Math.round(plot.y + plot.h - rowOf(edges, f) / rows * plot.h) + 0.5;
      line(ctx, plot.x - 5, y, plot.x, y);
      ctx.fillText((f / unit).toFixed(decimals(step / unit)), plot.x - 7, y);
    }
    title(ctx, "frequency (" + (khz ? "kHz" : "Hz") + (meta.frequency_scale === "mel" ? ", mel" : "") + ")", plot);
  } else {
    const step = Math.max(1, niceStep(rows, ticks));
    for (let r = 0; r <= rows; r += step) {
      const y = Math.round(plot.y + plot.h - r / rows * plot.h) + 0.5;
      line(ctx, plot.x - 5, y, plot.x, y);
      ctx.fillText(String(r), plot.x - 7, y);
    }
    title(ctx, "frequency row", plot);
  }
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
  ctx.restore();
}

function line(ctx, x0, y0, x1, y1) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function title(ctx, text, plot) {
  ctx.save();
  ctx.translate(14, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText(text, 0, 0);
  ctx.restore();
}

/** "t = 0.412 s · f = 63.2 kHz" for image pixel (px, py) (py = 0 at the top). */
export function readout(meta, px, py) {
  const t = meta.start_s + (px + 0.5) / meta.width * (meta.end_s - meta.start_s);
  const row = meta.height - py - 0.5;
  const edges = meta.row_edges_hz;
  const f = edges ? formatHz(hzAt(edges, row), edges[edges.length - 1] >= 2000) : "row " + Math.floor(row);
  return "t = " + t.toFixed(3) + " s · f = " + f;
}
