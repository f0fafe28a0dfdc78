// Talks to the data API. Answers are cached per (layer, time, bbox) in a small LRU; a new request for a
// layer aborts that layer's previous one, so dragging the slider never queues stale work.
import { Lru } from './lru.js';

export class ApiError extends Error {}

async function problemText(res) {
  try {
    const body = await res.json();
    return body.detail || body.title || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

export async function fetchLayers() {
  const res = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ApiError(`Could not load the layer list: ${await problemText(res)}`);
  return res.json();
}

/** Rounds a view outward to a 0.5° grid (after padding) so small pans reuse the same request. */
export function roundBbox(bounds, pad = 0.5) {
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const dx = (e - w) * pad, dy = (n - s) * pad;
  const snapDown = (v) => Math.floor(v * 2) / 2;
  const snapUp = (v) => Math.ceil(v * 2) / 2;
  return [
    Math.max(-180, snapDown(w - dx)), Math.max(-90, snapDown(s - dy)),
    Math.min(180, snapUp(e + dx)), Math.min(90, snapUp(n + dy)),
  ];
}

export function bboxContains(outer, bounds) {
  return outer && bounds.getWest() >= outer[0] && bounds.getSouth() >= outer[1]
    && bounds.getEast() <= outer[2] && bounds.getNorth() <= outer[3];
}

export class FeatureLoader {
  constructor(cacheSize = 64) {
    this.cache = new Lru(cacheSize);
    this.inflight = new Map();
    this.requests = 0;
  }

  /** time: {at:'YYYY-MM-DD'} or {from, to} (to inclusive); bbox: [minLon,minLat,maxLon,maxLat] or null. */
  async load(layerId, time, bbox) {
    const params = new URLSearchParams(time.at ? { at: time.at } : { from: time.from, to: time.to });
    if (bbox) params.set('bbox', bbox.join(','));
    const url = `/api/layers/${encodeURIComponent(layerId)}/features?${params}`;
    const hit = this.cache.get(url);
    if (hit) {
      this.inflight.get(layerId)?.abort();
      return hit;
    }
    this.inflight.get(layerId)?.abort();
    const ctl = new AbortController();
    this.inflight.set(layerId, ctl);
    try {
      this.requests++;
      const res = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/geo+json' } });
      if (!res.ok) throw new ApiError(`Layer ${layerId}: ${await problemText(res)}`);
      const fc = await res.json();
      this.cache.set(url, fc);
      return fc;
    } finally {
      if (this.inflight.get(layerId) === ctl) this.inflight.delete(layerId);
    }
  }
}

export function isAbort(err) {
  return err?.name === 'AbortError';
}
