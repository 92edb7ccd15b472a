// The annotation page: queue, progress, decisions and keyboard shortcuts around the mask editor.

import * as api from "./api.js";
import { MaskEditor } from "./editor.js";

const $ = (id) => document.getElementById(id);

const view = {
  state: null,       // /api/state
  current: null,     // id shown
  defaultThreshold: 2.5,
  busy: false,
  proposalTimer: 0,
};

const editor = new MaskEditor($("canvas"), $("stage"), {
  change: () => showCoverage(),
  cursor: (text) => { $("cursor-readout").textContent = text || "move over the spectrogram"; },
});

function message(text, isError) {
  const m = $("message");
  m.textContent = text;
  m.classList.toggle("error", !!isError);
}

function showCoverage() {
  if (editor.mask) $("coverage").textContent = "mask " + (100 * editor.coverage()).toFixed(1) + " % of pixels";
}

function showProgress(p) {
  $("progress-text").textContent = p.accepted + " of " + p.target + " accepted" + (p.rejected ? " · " + p.rejected + " rejected" : "");
  $("progress-fill").style.width = Math.min(100, 100 * p.accepted / p.target) + "%";
}

function renderQueue() {
  const list = $("queue-list");
  list.replaceChildren();
  for (const q of view.state.queue) {
    const li = document.createElement("li");
    li.dataset.id = q.id;
    li.title = q.status + (q.labels.length ? " · " + q.labels.join(", ") : "");
    const dot = document.createElement("span");
    dot.className = "dot " + q.status;
    li.append(dot, document.createTextNode(q.id));
    li.classList.toggle("current", q.id === view.current);
    li.addEventListener("click", () => open(q.id));
    list.append(li);
  }
  const done = view.state.queue.filter((q) => q.status === "accepted" || q.status === "rejected").length;
  $("queue-count").textContent = done + "/" + view.state.queue.length;
}

async function refreshState() {
  view.state = await api.state();
  $("dataset-name").textContent = view.state.dataset + " · " + view.state.transform + " · preset " + view.state.preset;
  view.defaultThreshold = view.state.threshold;
  showProgress(view.state.progress);
  renderQueue();
}

async function open(id) {
  if (!id) return;
  try {
    const meta = await api.example(id);
    const [image, mask] = await Promise.all([
      api.image(api.imageUrl(id)),
      api.mask(api.maskUrl(id), meta.width, meta.height),
    ]);
    view.current = id;
    editor.load(meta, image, mask);
    $("example-id").textContent = id;
    const chips = $("example-labels");
    chips.replaceChildren(...(meta.labels.length ? meta.labels : ["no label"]).map((l) => {
      const s = document.createElement("span");
      s.textContent = l;
      return s;
    }));
    const badge = $("example-status");
    badge.textContent = meta.status;
    badge.className = "badge " + meta.status;
    $("mask-source").textContent = {
      hq: "showing the saved HQ mask" + (meta.hq_updated ? " (" + meta.hq_updated + ")" : ""),
      proposal: "showing the stored proposal",
      computed: "showing a proposal computed now",
    }[meta.mask_source];
    setThreshold(view.defaultThreshold, false);
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    renderQueue();
    showCoverage();
    message("");
  } catch (e) {
    message("Cannot open " + id + ": " + e.message, true);
  }
}

function neighbour(step) {
  const q = view.state.queue;
  const i = q.findIndex((x) => x.id === view.current);
  const j = i + step;
  return j >= 0 && j < q.length ? q[j].id : null;
}

function setThreshold(value, propose) {
  const slider = $("threshold");
  const v = Math.min(Number(slider.max), Math.max(Number(slider.min), value));
  slider.value = v;
  $("threshold-value").textContent = v.toFixed(1);
  if (propose) scheduleProposal();
}

function scheduleProposal() {
  clearTimeout(view.proposalTimer);
  view.proposalTimer = setTimeout(async () => {
    const id = view.current;
    const t = Number($("threshold").value);
    try {
      const mask = await api.mask(api.proposalUrl(id, t), editor.meta.width, editor.meta.height);
      if (id === view.current) {
        editor.replace(mask);
        message("proposal at threshold " + t.toFixed(1));
      }
    } catch (e) {
      message("Proposal failed: " + e.message, true);
    }
  }, 180);
}

/** Runs a decision (accept/skip/reject), then moves to the next example to annotate. */
async function decide(kind) {
  if (view.busy || !view.current) return;
  view.busy = true;
  const id = view.current;
  try {
    const result = kind === "accept" ? await api.accept(id, await editor.toPng())
      : kind === "reject" ? await api.reject(id) : await api.skip(id);
    message({ accept: "saved " + id + " as HQ mask", reject: "rejected " + id + " (no signal)", skip: "skipped " + id }[kind]);
    await refreshState();
    if (result.next) {
      await open(result.next);
    } else {
      renderQueue();
      message("Every example is annotated. Export the HQ set when ready.");
    }
  } catch (e) {
    message(kind + " failed: " + e.message, true);
  } finally {
    view.busy = false;
  }
}

function setTool(tool) {
  editor.tool = tool;
  for (const b of document.querySelectorAll("[data-tool]")) b.classList.toggle("active", b.dataset.tool === tool);
  editor.render();
}

function setSize(size) {
  const s = $("brush-size");
  editor.size = Math.min(Number(s.max), Math.max(Number(s.min), size));
  s.value = editor.size;
  $("brush-size-value").textContent = editor.size;
  editor.render();
}

function setZoom(z) {
  editor.setZoom(z);
  $("zoom-value").textContent = Math.round(editor.zoom * 100) + "%";
}

function wire() {
  for (const b of document.querySelectorAll("[data-tool]")) b.addEventListener("click", () => setTool(b.dataset.tool));
  $("brush-size").addEventListener("input", (e) => setSize(Number(e.target.value)));
  $("threshold").addEventListener("input", (e) => setThreshold(Number(e.target.value), true));
  $("opacity").addEventListener("input", (e) => { editor.opacity = Number(e.target.value); editor.render(); });
  $("undo").addEventListener("click", () => editor.undo());
  $("redo").addEventListener("click", () => editor.redo());
  $("clear").addEventListener("click", () => editor.clear());
  $("zoom-in").addEventListener("click", () => setZoom(editor.zoom * 1.25));
  $("zoom-out").addEventListener("click", () => setZoom(editor.zoom / 1.25));
  $("prev").addEventListener("click", () => open(neighbour(-1)));
  $("next").addEventListener("click", () => open(neighbour(1)));
  $("accept").addEventListener("click", () => decide("accept"));
  $("skip").addEventListener("click", () => decide("skip"));
  $("reject").addEventListener("click", () => decide("reject"));
  document.addEventListener("keydown", onKey);
}

function onKey(e) {
  const k = e.key;
  // Let focused controls keep their own keys: text fields, arrows on sliders, Enter/space on buttons.
  if (e.target instanceof HTMLInputElement && (e.target.type !== "range" || k.startsWith("Arrow"))) return;
  if (e.target instanceof HTMLButtonElement && (k === "Enter" || k === " ")) return;
  const ctrl = e.ctrlKey || e.metaKey;
  let handled = true;
  if (ctrl && (k === "z" || k === "Z")) e.shiftKey ? editor.redo() : editor.undo();
  else if (ctrl && (k === "y" || k === "Y")) editor.redo();
  else if (ctrl || e.altKey) handled = false;
  else if (k === "b" || k === "B") setTool("brush");
  else if (k === "e" || k === "E") setTool("eraser");
  else if (k === "f" || k === "F") setTool("fill");
  else if (k === "[") setSize(editor.size - 1);
  else if (k === "]") setSize(editor.size + 1);
  else if (k === ",") setThreshold(Number($("threshold").value) - 0.1, true);
  else if (k === ".") setThreshold(Number($("threshold").value) + 0.1, true);
  else if (k === "c" || k === "C") editor.clear();
  else if (k === "+" || k === "=") setZoom(editor.zoom * 1.25);
  else if (k === "-" || k === "_") setZoom(editor.zoom / 1.25);
  else if (k === "0") setZoom(1);
  else if (k === "o" || k === "O") { editor.showMask = !editor.showMask; editor.render(); }
  else if (k === "a" || k === "A" || k === "Enter") decide("accept");
  else if (k === "s" || k === "S") decide("skip");
  else if (k === "r" || k === "R") decide("reject");
  else if (k === "ArrowLeft") open(neighbour(-1));
  else if (k === "ArrowRight") open(neighbour(1));
  else handled = false;
  if (handled) e.preventDefault();
}

async function start() {
  wire();
  try {
    await refreshState();
    const fromHash = decodeURIComponent(location.hash.slice(1));
    const known = view.state.queue.some((q) => q.id === fromHash);
    await open(known ? fromHash : view.state.next || (view.state.queue[0] && view.state.queue[0].id));
    document.body.dataset.ready = "true";
  } catch (e) {
    message("Cannot reach the annotation server: " + e.message, true);
  }
}

start();
