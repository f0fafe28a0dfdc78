// Events at any density. The server answers a view either with the events themselves (up to its limit) or with
// counts per grid cell (fc.aggregated). Events are grouped by screen position at the current zoom: a group is a
// count badge (a focusable marker) that zooms in on click or Enter; from STACK_ZOOM on only events at one spot
// group, and such a stack spiderfies: each event gets a leg and a focusable marker that opens its popup. Single
// events are drawn on the shared canvas. Cells are count badges too; clicking one zooms to the cell.
// Events breaching the agreement chosen in the agreements panel are drawn with a breach outline (breach-highlight.js);
// a group badge holding any is outlined too.
import { breachesOf, breachStyle } from './breach-highlight.js';
import { eventStyle } from './style.js';

export const STACK_ZOOM = 13;
const CLUSTER_PX = 28;
const STACK_PX = 6;
const MAX_LEGS = 40;

function versionKey(f) {
  return `${f.id}|${f.properties?.versionId ?? ''}`;
}

function badge(className, text, size) {
  const span = document.createElement('span');
  span.textContent = text;
  return L.divIcon({ className, html: span, iconSize: [size, size] });
}

function compact(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

/** Leaflet turns only clicks into events for markers: Enter or Space on a focused marker acts as a click. */
export function onActivate(layer, act) {
  layer.on('click', act);
  layer.on('keypress', (e) => {
    const key = e.originalEvent?.key;
    if (key === 'Enter' || key === ' ') {
      e.originalEvent.preventDefault();
      act(e);
    }
  });
}

function breached(f) {
  return breachesOf(f.id).length > 0;
}

function latLngOf(f) {
  const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : f.geometry?.coordinates?.[0];
  return c ? L.latLng(c[1], c[0]) : null;
}

export class EventsLayer {
  /** group: the layer's feature group (its click handler opens popups of layers that carry a feature). */
  constructor(map, meta, group, { renderer, pane }) {
    this.map = map;
    this.meta = meta;
    this.group = group;
    this.renderer = renderer;
    this.pane = pane;
    this.fc = null;
    this.drawn = new Map(); // key → Leaflet layer
    this.spider = null;
    this.onSpiderClose = () => this.unspiderfy();
    map.on('zoomstart', this.onSpiderClose);
    this.onBreaches = () => {
      if (this.fc) this.redraw();
    };
    window.addEventListener('frontline:breaches', this.onBreaches);
  }

  get aggregated() {
    return !!this.fc?.aggregated;
  }

  /** Events represented: the events answered, or the total the cells count. */
  count() {
    if (!this.fc) return 0;
    return this.fc.aggregated ? Number(this.fc.total) || 0 : this.fc.features.length;
  }

  features() {
    return this.fc && !this.fc.aggregated ? this.fc.features : [];
  }

  clear() {
    this.unspiderfy();
    for (const layer of this.drawn.values()) this.group.removeLayer(layer);
    this.drawn.clear();
    this.fc = null;
  }

  show(fc) {
    this.fc = fc;
    this.redraw();
  }

  /** Groups and draws the current answer at the current zoom, keeping layers whose group did not change. */
  redraw() {
    this.unspiderfy();
    const wanted = new Map();
    if (this.fc?.aggregated) {
      for (const cell of this.fc.features) {
        const p = cell.properties;
        wanted.set(`cell|${cell.id}|${p.count}|${p.fatalities}`, () => this.cellMarker(cell));
      }
    } else if (this.fc) {
      for (const g of this.groups()) {
        if (g.members.length === 1) {
          const f = g.members[0];
          wanted.set(`${versionKey(f)}${breached(f) ? '|breach' : ''}`, () => this.single(f));
        } else {
          const n = g.members.filter(breached).length;
          const key = `group|${this.map.getZoom()}|${n}|${g.members.map(versionKey).sort().join(',')}`;
          wanted.set(key, () => this.groupMarker(g));
        }
      }
    }
    for (const [key, layer] of this.drawn) {
      if (!wanted.has(key)) {
        this.group.removeLayer(layer);
        this.drawn.delete(key);
      }
    }
    for (const [key, make] of wanted) {
      if (this.drawn.has(key)) continue;
      const layer = make();
      this.drawn.set(key, layer);
      this.group.addLayer(layer);
    }
  }

  /** Events grouped by a screen grid: wide cells below STACK_ZOOM, only near-identical spots from it on. */
  groups() {
    const zoom = this.map.getZoom();
    const px = zoom >= STACK_ZOOM ? STACK_PX : CLUSTER_PX;
    const cells = new Map();
    for (const f of this.fc.features) {
      const ll = latLngOf(f);
      if (!ll) continue;
      const p = this.map.project(ll, zoom);
      const k = `${Math.floor(p.x / px)}:${Math.floor(p.y / px)}`;
      let g = cells.get(k);
      if (!g) cells.set(k, (g = { members: [], x: 0, y: 0 }));
      g.members.push(f);
      g.x += ll.lng;
      g.y += ll.lat;
    }
    for (const g of cells.values()) g.latlng = L.latLng(g.y / g.members.length, g.x / g.members.length);
    return cells.values();
  }

  single(f) {
    const style = eventStyle(this.meta, f.properties);
    const layer = L.circleMarker(latLngOf(f), { ...(breached(f) ? breachStyle(style) : style), renderer: this.renderer,
      pane: this.pane });
    layer.feature = f;
    layer.breach = breached(f);
    return layer;
  }

  groupMarker(g) {
    const n = g.members.length;
    const bounds = L.latLngBounds(g.members.map(latLngOf));
    const oneSpot = this.map.project(bounds.getNorthEast(), this.map.getMaxZoom())
      .distanceTo(this.map.project(bounds.getSouthWest(), this.map.getMaxZoom())) < 2 * STACK_PX;
    const stack = oneSpot || this.map.getZoom() >= STACK_ZOOM;
    const size = n < 10 ? 26 : n < 100 ? 32 : 38;
    const breaches = g.members.filter(breached).length;
    const label = (stack ? `${n} events at one place: press to show each` : `${n} events here: press to zoom in`)
      + (breaches ? ` (${breaches} breach${breaches === 1 ? '' : 'es'})` : '');
    const marker = L.marker(g.latlng, {
      icon: badge(`fl-event-group${stack ? ' fl-event-stack' : ''}${breaches ? ' fl-has-breach' : ''}`, compact(n), size),
      keyboard: true, title: label, alt: label, pane: this.pane, riseOnHover: true,
    });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
    onActivate(marker, () => {
      if (stack) this.spiderfy(marker, g);
      else this.map.fitBounds(bounds.pad(0.2), { maxZoom: STACK_ZOOM });
    });
    marker.eventGroup = g;
    return marker;
  }

  cellMarker(cell) {
    const p = cell.properties;
    const n = Number(p.count);
    const size = Math.round(Math.min(56, 24 + 6 * Math.log10(Math.max(1, n))));
    const [w, s, e, nn] = p.bbox;
    const killed = Number(p.fatalities) || 0;
    const label = `${n} events${killed ? `, ${killed} killed` : ''}: press to zoom in`;
    // at the cell's centre, so neighbouring cells' badges never overlap (the mean position is in the data)
    const marker = L.marker([(s + nn) / 2, (w + e) / 2], {
      icon: badge('fl-event-cell', compact(n), size), keyboard: true, title: label, alt: label, pane: this.pane,
    });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
    onActivate(marker, () => this.map.fitBounds([[s, w], [nn, e]]));
    marker.cell = cell;
    return marker;
  }

  /** Fans a stack out around its badge: a leg and a focusable marker per event (at most MAX_LEGS). */
  spiderfy(marker, g) {
    this.unspiderfy();
    const centre = this.map.latLngToLayerPoint(g.latlng);
    const members = [...g.members].sort((a, b) => String(a.properties?.validFrom).localeCompare(String(b.properties?.validFrom)))
      .slice(0, MAX_LEGS);
    const n = members.length;
    const radius = Math.max(34, (n * 22) / (2 * Math.PI));
    const spider = L.featureGroup();
    const legs = [];
    members.forEach((f, i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      const at = this.map.layerPointToLatLng(centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius)));
      spider.addLayer(L.polyline([g.latlng, at], { color: '#333', weight: 1.5, opacity: 0.7, interactive: false,
        pane: this.pane }));
      const style = eventStyle(this.meta, f.properties);
      const dot = document.createElement('span');
      dot.style.backgroundColor = style.fillColor || style.color;
      if (breached(f)) dot.className = 'fl-breach';
      const title = `${f.properties?.title ?? f.properties?.name ?? f.id} (${String(f.properties?.validFrom ?? '').slice(0, 10)})`;
      const leg = L.marker(at, { icon: L.divIcon({ className: 'fl-spider-leg', html: dot, iconSize: [16, 16] }),
        keyboard: true, title, alt: title, pane: this.pane, zIndexOffset: 1000 });
      leg.on('add', () => leg.getElement()?.setAttribute('aria-label', title));
      leg.feature = f;
      legs.push(leg);
      spider.addLayer(leg);
    });
    // legs join the layer's group so its click handler opens their popups
    this.group.addLayer(spider);
    marker.getElement()?.classList.add('fl-spiderfied');
    this.spider = { marker, layer: spider, legs };
    this.map.on('click', this.onSpiderClose);
    legs[0]?.getElement()?.focus();
  }

  unspiderfy() {
    if (!this.spider) return;
    this.group.removeLayer(this.spider.layer);
    this.spider.marker.getElement()?.classList.remove('fl-spiderfied');
    this.spider = null;
    this.map.off('click', this.onSpiderClose);
  }

  /** The drawn layer a feature is reached through: its own marker or leg, else its group's badge. */
  find(featureId) {
    const id = String(featureId);
    for (const leg of this.spider?.legs ?? []) if (String(leg.feature.id) === id) return { layer: leg, feature: leg.feature };
    for (const layer of this.drawn.values()) {
      if (String(layer.feature?.id) === id) return { layer, feature: layer.feature };
      const hit = layer.eventGroup?.members.find((f) => String(f.id) === id);
      if (hit) return { layer, feature: hit, grouped: true };
    }
    return null;
  }

  /** For tests and the bench: how things are drawn now. */
  summary() {
    let singles = 0, groups = 0, cells = 0;
    for (const layer of this.drawn.values()) {
      if (layer.cell) cells++;
      else if (layer.eventGroup) groups++;
      else singles++;
    }
    return { aggregated: this.aggregated, count: this.count(), singles, groups, cells, legs: this.spider?.legs.length ?? 0 };
  }

  remove() {
    this.clear();
    this.map.off('zoomstart', this.onSpiderClose);
    window.removeEventListener('frontline:breaches', this.onBreaches);
  }
}

export { latLngOf, versionKey };
