// Draws the data layers and their entries (switch + legend) in the layer panel. Redraws are diffs keyed by
// feature version, so a slider step only touches the features that appeared or went away.
import { categoryProperty, cssToken, eventStyle, legendEntries, look, pathStyle, warnings } from './style.js';
import { symbolSvg } from './symbols.js';
import { buildPopup } from './popup.js';
import { breachLinesOf } from './breach-highlight.js';
import { EventsLayer } from './events-layer.js';
import { el } from './dom.js';

const PANES = { area: ['fl-areas', 410], line: ['fl-lines', 420], event: ['fl-events', 430], point: ['fl-points', 440] };

function versionKey(f) {
  return `${f.id}|${f.properties?.versionId ?? ''}`;
}

export class LayerManager {
  constructor(map, metas, onToggle) {
    this.map = map;
    this.onToggle = onToggle;
    for (const [name, z] of Object.values(PANES)) map.createPane(name).style.zIndex = String(z);
    // Events can number in the thousands: one canvas beats thousands of SVG nodes.
    this.canvas = L.canvas({ pane: PANES.event[0], padding: 0.3, tolerance: 3 });
    this.entries = new Map();
    this.popupActions = () => [];
    for (const meta of metas) {
      const group = L.featureGroup();
      group.on('click', (e) => this.openPopup(e.layer, meta, e.latlng));
      // a focused marker (a spiderfied event) opens its popup with Enter too
      group.on('keypress', (e) => {
        if (e.originalEvent?.key === 'Enter' && e.layer?.feature) this.openPopup(e.layer, meta, e.layer.getLatLng());
      });
      const events = meta.kind === 'event'
        ? new EventsLayer(map, meta, group, { renderer: this.canvas, pane: PANES.event[0] }) : null;
      this.entries.set(meta.id, { meta, group, drawn: new Map(), seen: new Set(), visible: false, fc: null, events });
    }
  }

  metas() {
    return [...this.entries.values()].map((e) => e.meta);
  }

  isVisible(id) {
    return !!this.entries.get(id)?.visible;
  }

  visibleIds() {
    return [...this.entries.values()].filter((e) => e.visible).map((e) => e.meta.id);
  }

  setVisible(id, visible) {
    const entry = this.entries.get(id);
    if (!entry || entry.visible === visible) return;
    entry.visible = visible;
    if (entry.checkbox) entry.checkbox.checked = visible;
    if (visible) {
      entry.group.addTo(this.map);
    } else {
      entry.group.remove();
      entry.events?.clear();
      entry.group.clearLayers();
      entry.drawn.clear();
      entry.fc = null;
      this.updateCount(entry);
    }
  }

  renderPanel(list) {
    list.replaceChildren();
    for (const entry of this.entries.values()) {
      const { meta } = entry;
      const item = el('li', 'layer-item');
      item.dataset.layer = meta.id;
      const label = el('label', 'layer-switch');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = entry.visible;
      box.dataset.layer = meta.id;
      box.addEventListener('change', () => {
        this.setVisible(meta.id, box.checked);
        this.onToggle(meta.id, box.checked);
      });
      entry.checkbox = box;
      const swatch = el('span', `kind-badge kind-${cssToken(meta.kind)}`);
      swatch.title = meta.kind;
      const drawn = meta.kind === 'event' ? eventStyle(meta, {}) : pathStyle(meta, {});
      const colour = meta.kind === 'area' ? drawn.color : drawn.fillColor || drawn.color;
      if (meta.kind === 'point') swatch.style.borderBottomColor = colour;
      else if (meta.kind === 'line') swatch.style.borderTopColor = colour;
      else if (meta.kind === 'event') swatch.style.backgroundColor = colour;
      else swatch.style.borderColor = colour;
      entry.countEl = el('span', 'layer-count', '');
      label.append(box, swatch, el('span', 'layer-title', meta.title || meta.id), entry.countEl);
      entry.legendEl = el('ul', 'legend');
      item.append(label, entry.legendEl);
      list.append(item);
      this.renderLegend(entry);
    }
  }

  renderLegend(entry) {
    const { meta } = entry;
    const rows = legendEntries(meta, entry.seen);
    const prop = categoryProperty(meta);
    entry.legendKey = rows.map((r) => r.value).join('\u0000');
    entry.legendEl.replaceChildren();
    for (const { value, color, symbol } of rows) {
      const li = el('li');
      let sw;
      if (meta.kind === 'point') sw = symbolSvg(symbol, color, 6);
      else {
        sw = el('span', `swatch swatch-${cssToken(meta.kind)}`);
        sw.style.backgroundColor = color;
      }
      sw.classList.add('legend-swatch');
      sw.dataset.color = color;
      li.append(sw, el('span', null, value));
      li.title = `${prop} = ${value}`;
      entry.legendEl.append(li);
    }
    // a style that cannot be drawn as written says so where the reader looks for its meaning
    for (const w of warnings(meta)) entry.legendEl.append(el('li', 'legend-warning', `⚠ ${w}`));
  }

  updateCount(entry) {
    const n = entry.events ? entry.events.count() : entry.fc?.features.length;
    if (entry.countEl) entry.countEl.textContent = entry.visible && entry.fc ? ` ${n}` : '';
  }

  /** Draws a layer's answer, keeping what is already on the map for unchanged feature versions. */
  show(id, fc) {
    const entry = this.entries.get(id);
    if (!entry || !entry.visible) return;
    entry.fc = fc;
    if (entry.events) {
      entry.events.show(fc);
      this.noteCategories(entry, entry.events.features());
      this.updateCount(entry);
      return;
    }
    const wanted = new Map();
    for (const f of fc.features || []) wanted.set(versionKey(f), f);
    for (const [key, layer] of entry.drawn) {
      if (!wanted.has(key)) {
        entry.group.removeLayer(layer);
        entry.drawn.delete(key);
      }
    }
    const prop = categoryProperty(entry.meta);
    let newCategory = false;
    for (const [key, f] of wanted) {
      if (entry.drawn.has(key)) continue;
      const layer = this.makeLayer(entry.meta, f);
      if (!layer) continue;
      entry.drawn.set(key, layer);
      entry.group.addLayer(layer);
      const value = prop ? f.properties?.[prop] : null;
      if (value != null && !entry.seen.has(value)) {
        entry.seen.add(value);
        newCategory = true;
      }
    }
    if (newCategory && entry.legendEl) this.renderLegend(entry);
    this.updateCount(entry);
  }

  noteCategories(entry, features) {
    const prop = categoryProperty(entry.meta);
    let newCategory = false;
    for (const f of features) {
      const value = prop ? f.properties?.[prop] : null;
      if (value != null && !entry.seen.has(value)) {
        entry.seen.add(value);
        newCategory = true;
      }
    }
    if (newCategory && entry.legendEl) this.renderLegend(entry);
  }

  makeLayer(meta, f) {
    const g = f.geometry;
    if (!g) return null;
    const cls = `fl-feature fl-layer-${cssToken(meta.id)}`;
    const isPoint = g.type === 'Point';
    let layer;
    if (meta.kind === 'event' && isPoint) {
      layer = L.circleMarker([g.coordinates[1], g.coordinates[0]],
        { ...eventStyle(meta, f.properties), renderer: this.canvas, pane: PANES.event[0] });
    } else if (meta.kind === 'point' && isPoint) {
      const value = f.properties?.[categoryProperty(meta)];
      const l = look(meta, f.properties);
      const size = Math.round(l.radius * 2 + 4);
      layer = L.marker([g.coordinates[1], g.coordinates[0]], {
        pane: PANES.point[0],
        keyboard: false,
        icon: L.divIcon({ className: `post-icon status-${cssToken(value)} ${cls}`, iconSize: [size, size],
          html: symbolSvg(l.symbol, l.fillColor, l.radius) }),
      });
    } else {
      const [pane] = PANES[meta.kind] || PANES.area;
      layer = L.geoJSON(f, {
        pane,
        style: (feat) => ({ ...pathStyle(meta, feat.properties), className: cls }),
        pointToLayer: (feat, latlng) => L.circleMarker(latlng,
          { ...eventStyle(meta, feat.properties), renderer: meta.kind === 'event' ? this.canvas : undefined, pane }),
      });
    }
    layer.feature = f;
    return layer;
  }

  openPopup(layer, meta, latlng) {
    const feature = layer.feature || layer.getLayers?.()[0]?.feature;
    if (!feature) return;
    const flags = meta.kind === 'event' ? breachLinesOf(feature.id) : [];
    L.popup({ maxWidth: 320, className: 'fl-popup' }).setLatLng(latlng)
      .setContent(buildPopup(feature, meta, this.popupActions(feature, meta), flags))
      .openOn(this.map);
  }

  /** Finds a drawn feature (for search): its layer meta, feature and a point or bounds to fly to. */
  findDrawn(featureId) {
    for (const entry of this.entries.values()) {
      const hit = entry.events?.find(featureId);
      if (hit) return { meta: entry.meta, layer: hit.layer, feature: hit.feature };
      for (const layer of entry.drawn.values()) {
        if (String(layer.feature?.id) === String(featureId)) return { meta: entry.meta, layer };
      }
    }
    return null;
  }

  drawnCount(id) {
    const entry = this.entries.get(id);
    return entry?.events ? entry.events.count() : entry?.drawn.size ?? 0;
  }

  /** Names and titles of everything loaded, for the search box. */
  *loadedFeatures() {
    for (const entry of this.entries.values()) {
      for (const layer of entry.drawn.values()) yield { meta: entry.meta, layer, feature: layer.feature };
      for (const feature of entry.events?.features() ?? []) {
        const c = feature.geometry?.coordinates;
        if (feature.geometry?.type !== 'Point') continue;
        // a stand-in the search can fly to and anchor the popup on, whether the event is drawn alone or grouped
        const latlng = L.latLng(c[1], c[0]);
        yield { meta: entry.meta, layer: { feature, getLatLng: () => latlng }, feature };
      }
    }
  }
}
