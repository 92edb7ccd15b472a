// The annotation server's JSON API; every example is addressed by its manifest id only.

async function check(response) {
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try {
      const body = await response.json();
      if (body && body.error) message = body.error;
    } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

const examplePath = (id) => "/api/examples/" + encodeURIComponent(id);

export async function state() {
  return (await check(await fetch("/api/state"))).json();
}

export async function example(id) {
  return (await check(await fetch(examplePath(id)))).json();
}

/** Loads a PNG from the server as a decoded image element. */
export async function image(url) {
  const blob = await (await check(await fetch(url))).blob();
  const objectUrl = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = objectUrl;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(objectUrl);
  }
}

/** A mask PNG (white = signal) as a 0/1 array in the picture's row order (row 0 at the top). */
export async function mask(url, width, height) {
  const img = await image(url);
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  const ctx = c.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = rgba[4 * i] >= 128 ? 1 : 0;
  return out;
}

export const imageUrl = (id) => examplePath(id) + "/image";
export const maskUrl = (id) => examplePath(id) + "/mask";
export const proposalUrl = (id, threshold) => examplePath(id) + "/proposal?threshold=" + threshold.toFixed(2);

async function post(id, action, body) {
  const init = { method: "POST" };
  if (body) {
    init.body = body;
    init.headers = { "Content-Type": "image/png" };
  }
  return (await check(await fetch(examplePath(id) + "/" + action, init))).json();
}

export const accept = (id, pngBlob) => post(id, "accept", pngBlob);
export const reject = (id) => post(id, "reject");
export const skip = (id) => post(id, "skip");
