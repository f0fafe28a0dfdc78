// Talks to the data API. Answers are cached per (layer, time, bbox) in a small LRU; a new request for a
// layer aborts that layer's previous one, so dragging the slider never queues stale work.
// Event windows (from..to) are also answered from any cached window that covers them, by filtering on each
// feature's validFrom/validTo; a window that runs past a cached one fetches only the days it lacks.
import { Lru } from './lru.js';
import { problemText } from './http.js';

const DAY_MS = 86_400_000;
const dayMs = (iso) => Date.parse(iso);

function timesOf(f) {
  if (f.__t === undefined) {
    const p = f.properties || {};
    f.__t = [p.validFrom ? Date.parse(p.validFrom) : -Infinity, p.validTo ? Date.parse(p.validTo) : Infinity];
  }
  return f.__t;
}

/** The features of fc valid at some time in [from day start, to day end) — the API's own overlap rule. */
function overlapping(fc, fromIso, toIso) {
  const lo = dayMs(fromIso);
  const hi = dayMs(toIso) + DAY_MS;
  return { type: 'FeatureCollection', features: fc.features.filter((f) => {
    const [a, b] = timesOf(f);
    return a < hi && b > lo;
  }) };
}

function merged(a, b) {
  const seen = new Set(a.features.map((f) => `${f.id}|${f.properties?.versionId}`));
  return { type: 'FeatureCollection',
    features: a.features.concat(b.features.filter((f) => !seen.has(`${f.id}|${f.properties?.versionId}`))) };
}

const nextDay = (iso) => new Date(dayMs(iso) + DAY_MS).toISOString().slice(0, 10);

export class ApiError extends Error {}

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

/**
 * The box asked for events at a zoom: the view padded by half its size each way, grown to multiples of 8 density
 * cells (a cell is a quarter of a tile's width, as on the server), so small pans ask the same box again.
 */
export function densityBbox(bounds, zoom, pad = 0.5) {
  const step = (360 / 2 ** zoom / 4) * 8;
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const dx = (e - w) * pad, dy = (n - s) * pad;
  const down = (v, origin) => Math.floor((v - origin) / step) * step + origin;
  const up = (v, origin) => Math.ceil((v - origin) / step) * step + origin;
  const r = (v) => Math.round(v * 1e7) / 1e7;
  return [
    r(Math.max(-180, down(w - dx, -180))), r(Math.max(-90, down(s - dy, -90))),
    r(Math.min(180, up(e + dx, -180))), r(Math.min(90, up(n + dy, -90))),
  ];
}

export function bboxContains(outer, bounds) {
  return outer && bounds.getWest() >= outer[0] && bounds.getSouth() >= outer[1]
    && bounds.getEast() <= outer[2] && bounds.getNorth() <= outer[3];
}

export class FeatureLoader {
  constructor(cacheSize = 64) {
    this.cache = new Lru(cacheSize);
    this.windows = new Lru(16); // (layer, bbox) → up to 4 cached windows {from, to, fc}
    this.inflight = new Map();
    this.requests = 0;
    this.aborted = 0;
  }

  abort(layerId) {
    const ctl = this.inflight.get(layerId);
    if (ctl) {
      ctl.abort();
      this.aborted++;
    }
  }

  clear() {
    this.cache = new Lru(this.cache.limit);
    this.windows = new Lru(this.windows.limit);
  }

  /** Events valid in [from, to] (dates, to inclusive), composed from cached windows where possible. */
  async loadWindow(layerId, from, to, bbox) {
    const key = `${layerId}|${bbox}`;
    const known = this.windows.get(key) || [];
    const cover = known.find((w) => w.from <= from && w.to >= to);
    if (cover) {
      this.abort(layerId);
      return overlapping(cover.fc, from, to);
    }
    // extend a window that starts early enough and reaches at least the day before `from`
    const base = known.filter((w) => w.from <= from && nextDay(w.to) >= from).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
    let entry;
    if (base) {
      const extra = await this.load(layerId, { from: nextDay(base.to), to }, bbox);
      entry = { from: base.from, to, fc: merged(base.fc, extra) };
    } else {
      entry = { from, to, fc: await this.load(layerId, { from, to }, bbox) };
    }
    this.windows.set(key, [entry, ...known.filter((w) => w !== base)].slice(0, 4));
    return overlapping(entry.fc, from, to);
  }

  /**
   * Events valid in [from, to] (dates, to inclusive) inside bbox, as events or as cells at this zoom. A cached answer
   * made of events for a covering window (same box, any zoom) is filtered instead of asking: it holds every event of
   * the smaller window, and no more than the server's limit. Stepping past such a window fetches only the new days,
   * as long as the two answers together stay within the limit.
   */
  async loadDensity(layerId, from, to, bbox, zoom) {
    const key = `density|${layerId}|${bbox}`;
    const known = this.windows.get(key) || [];
    const cover = known.find((w) => w.from <= from && w.to >= to);
    if (cover) {
      this.abort(layerId);
      return overlapping(cover.fc, from, to);
    }
    const base = known.filter((w) => w.from <= from && nextDay(w.to) >= from).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
    let fc = null;
    let entry = null;
    if (base) {
      const extra = await this.load(layerId, { from: nextDay(base.to), to }, bbox, zoom);
      if (!extra.aggregated && base.fc.features.length + extra.features.length <= (extra.limit ?? 0)) {
        entry = { from: base.from, to, fc: merged(base.fc, extra) };
      }
    }
    if (!entry) {
      fc = await this.load(layerId, { from, to }, bbox, zoom);
      if (fc.aggregated) return fc;
      entry = { from, to, fc };
    }
    this.windows.set(key, [entry, ...known.filter((w) => w !== base)].slice(0, 4));
    return overlapping(entry.fc, from, to);
  }

  /**
   * time: {at:'YYYY-MM-DD'} or {from, to} (to inclusive); bbox: [minLon,minLat,maxLon,maxLat] or null; with a zoom
   * the density endpoint is asked (an answer of events then carries the server's limit as fc.limit).
   */
  async load(layerId, time, bbox, zoom) {
    const params = new URLSearchParams(time.at ? { at: time.at } : { from: time.from, to: time.to });
    if (bbox) params.set('bbox', bbox.join(','));
    if (zoom != null) params.set('zoom', String(zoom));
    const url = `/api/layers/${encodeURIComponent(layerId)}/${zoom != null ? 'density' : 'features'}?${params}`;
    const hit = this.cache.get(url);
    if (hit) {
      this.abort(layerId);
      return hit;
    }
    this.abort(layerId);
    const ctl = new AbortController();
    this.inflight.set(layerId, ctl);
    try {
      this.requests++;
      const res = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/geo+json' } });
      if (!res.ok) throw new ApiError(`Layer ${layerId}: ${await problemText(res)}`);
      const fc = await res.json();
      const limit = Number(res.headers.get('Frontline-Max-Events'));
      if (Number.isFinite(limit) && limit > 0) fc.limit = limit;
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
