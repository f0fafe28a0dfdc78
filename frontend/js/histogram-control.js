// The time bar's histogram: events (and, darker, fatalities) per day of the visible event layers inside the
// map's view, drawn above the slider; the event window is shaded and a click on a bar moves the slider to
// that day. Counts come from /api/layers/{id}/histogram (made in the database). A Leaflet control with
// onAdd/onRemove like the map's others; its drawing lives in the time bar, not in a map corner.
import { isoDay, parseDay, windowStart } from './dates.js';
import { barAt, bucketFor, histogramModel, mergeHistograms, shadeOf } from './histogram-model.js';
import { whenMapReady } from './agreements-panel.js';

const SVG = 'http://www.w3.org/2000/svg';
const svgEl = (name, attrs = {}) => {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

export const HistogramControl = L.Control.extend({
  options: { position: 'bottomleft', height: 40, debounceMs: 200 },

  onAdd(map) {
    this._map = map;
    this._slider = document.getElementById('slider');
    this._box = document.createElement('div');
    this._box.className = 'timebar-histogram';
    this._box.setAttribute('aria-label', 'Events per day in the view');
    document.getElementById('timebar').append(this._box);
    // the chart covers the map's bottom strip: the map's bottom controls (scale, coordinates, credit) move above it
    map.getContainer().classList.add('with-histogram');
    this._refresh = () => {
      clearTimeout(this._timer);
      this._timer = setTimeout(() => this._update(), this.options.debounceMs);
    };
    this._resize = () => this._draw();
    map.on('moveend', this._refresh);
    window.addEventListener('frontline:view', this._refresh);
    window.addEventListener('resize', this._resize);
    this._slider.addEventListener('input', this._resize);
    this._box.addEventListener('click', (e) => this._click(e));
    this._update();
    // Leaflet wants an element for a corner: an empty one (the chart sits in the time bar)
    this._stub = document.createElement('div');
    this._stub.hidden = true;
    return this._stub;
  },

  onRemove(map) {
    map.off('moveend', this._refresh);
    window.removeEventListener('frontline:view', this._refresh);
    window.removeEventListener('resize', this._resize);
    this._slider.removeEventListener('input', this._resize);
    clearTimeout(this._timer);
    this._box.remove();
    map.getContainer().classList.remove('with-histogram');
  },

  /** The slider's span and state, read from the time bar itself. */
  _time() {
    const view = window.__frontline.view();
    const day = parseDay(view.at);
    const start = day - Number(this._slider.value);
    const end = start + Number(this._slider.max);
    return { day, start, end, from: windowStart(day, view.win, start), layers: view.layers };
  },

  async _metas() {
    if (!this._kinds) {
      const res = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
      this._kinds = new Map((res.ok ? await res.json() : []).map((m) => [m.id, m.kind]));
    }
    return this._kinds;
  },

  async _update() {
    const t = this._time();
    const kinds = await this._metas();
    const ids = t.layers.filter((id) => kinds.get(id) === 'event').sort();
    const b = this._map.getBounds();
    const r = (v) => Math.round(v * 1e4) / 1e4;
    const bbox = [Math.max(-180, r(b.getWest())), Math.max(-90, r(b.getSouth())),
      Math.min(180, r(b.getEast())), Math.min(90, r(b.getNorth()))].join(',');
    const bucket = bucketFor(t.end - t.start + 1);
    const key = `${ids.join(',')}|${bbox}|${t.start}|${t.end}|${bucket}`;
    if (key !== this._key) {
      this._key = key;
      const q = `from=${isoDay(t.start)}&to=${isoDay(t.end)}&bucket=${bucket}&bbox=${bbox}`;
      const answers = await Promise.all(ids.map(async (id) => {
        const res = await fetch(`/api/layers/${encodeURIComponent(id)}/histogram?${q}`, { headers: { Accept: 'application/json' } });
        return res.ok ? res.json() : { buckets: [] };
      }));
      if (key !== this._key) return; // a newer view asked meanwhile
      this._buckets = mergeHistograms(answers);
      this._box.dataset.layers = ids.join(',');
      this._box.dataset.bbox = bbox;
      this._box.dataset.bucket = bucket;
      this._box.dataset.from = isoDay(t.start);
      this._box.dataset.to = isoDay(t.end);
    }
    this._draw();
  },

  _draw() {
    if (!this._buckets) return;
    const t = this._time();
    // the box lines up with the slider: same left edge and width
    this._box.style.left = `${this._slider.offsetLeft}px`;
    this._box.style.width = `${this._slider.offsetWidth}px`;
    const width = Math.max(50, this._slider.offsetWidth);
    const height = this.options.height;
    this._model = histogramModel(this._buckets, { start: t.start, end: t.end, width, height });
    const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
    const title = svgEl('title');
    const total = this._buckets.reduce((n, x) => n + x.events, 0);
    title.textContent = `${total} events in the view; the shaded part is the event window`;
    svg.append(title);
    const shade = shadeOf(this._model, t.from, t.day);
    svg.append(svgEl('rect', { class: 'histogram-window', x: shade.x, y: 0, width: shade.width, height }));
    for (const bar of this._model.bars) {
      if (!bar.events && !bar.fatalities) continue;
      const g = svgEl('g', { class: 'histogram-bar', 'data-start': bar.start, 'data-events': bar.events });
      g.append(svgEl('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: '#8fb3d9' }));
      if (bar.fatalities) {
        g.append(svgEl('rect', { x: bar.x + bar.width * 0.25, y: bar.fatalY, width: Math.max(0.5, bar.width * 0.5),
          height: bar.fatalHeight, fill: '#D55E00' }));
      }
      const tip = svgEl('title');
      tip.textContent = bar.title;
      g.append(tip);
      svg.append(g);
    }
    this._box.replaceChildren(svg);
    this._box.dataset.events = String(total);
  },

  _click(e) {
    if (!this._model) return;
    const x = e.clientX - this._box.getBoundingClientRect().left;
    const bar = barAt(this._model, x);
    if (bar) window.__frontline.setDate(isoDay(bar.day));
  },
});

whenMapReady((map) => new HistogramControl().addTo(map));
