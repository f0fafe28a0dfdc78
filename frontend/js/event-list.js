// "Events in view": a list in the panel of the events of the current window inside the map's extent, newest
// first, each a button that centres the map on the event and opens its popup — the keyboard's way to every event,
// including those drawn on the canvas or inside a group. When the view is answered as counts per cell, the list
// says how many events the view holds and asks to zoom in.
import { el } from './dom.js';
import { dayInWords, parseDay } from './dates.js';
import { featureName } from './popup.js';
import { latLngOf, STACK_ZOOM } from './events-layer.js';

const MAX_ITEMS = 100;


export class EventList {
  /** options.layers: the LayerManager; options.open(meta, feature, latlng): opens a popup. */
  constructor(options) {
    this.options = options;
    this.update = this.update.bind(this);
  }

  onAdd(map, container) {
    this.map = map;
    this.root = el('details', 'event-list');
    this.root.id = 'event-list';
    this.root.open = true;
    this.summary = el('summary', null, 'Events in view');
    this.status = el('p', 'event-list-status');
    this.status.setAttribute('aria-live', 'polite');
    this.list = el('ul', 'event-list-items');
    this.root.append(this.summary, this.status, this.list);
    container.append(this.root);
    map.on('moveend', this.update);
    this.update();
    return this.root;
  }

  onRemove(map) {
    map.off('moveend', this.update);
    this.root.remove();
  }

  update() {
    if (!this.root) return;
    const bounds = this.map.getBounds();
    const shown = [];
    let counted = 0;
    let aggregated = false;
    for (const entry of this.options.layers.entries.values()) {
      if (!entry.visible || !entry.events?.fc) continue;
      if (entry.events.aggregated) {
        aggregated = true;
        for (const cell of entry.events.fc.features) {
          const [lon, lat] = cell.geometry.coordinates;
          if (bounds.contains([lat, lon])) counted += Number(cell.properties.count) || 0;
        }
        continue;
      }
      for (const f of entry.events.features()) {
        const ll = latLngOf(f);
        if (ll && bounds.contains(ll)) shown.push({ meta: entry.meta, f, ll });
      }
    }
    shown.sort((a, b) => String(b.f.properties?.validFrom).localeCompare(String(a.f.properties?.validFrom))
      || String(a.f.id).localeCompare(String(b.f.id)));
    const total = shown.length + counted;
    this.summary.textContent = `Events in view (${total})`;
    const focused = this.list.contains(document.activeElement) ? document.activeElement.dataset.featureId : null;
    this.list.replaceChildren();
    if (aggregated) {
      this.status.textContent = `${counted} event${counted === 1 ? '' : 's'} counted by area${shown.length
        ? ` and ${shown.length} listed` : ''}: zoom in or shorten the window to list them one by one.`;
    } else if (shown.length > MAX_ITEMS) {
      this.status.textContent = `The newest ${MAX_ITEMS} of ${shown.length}; zoom in to list the others.`;
    } else {
      this.status.textContent = shown.length ? '' : 'No events in view for this window.';
    }
    for (const { meta, f, ll } of shown.slice(0, MAX_ITEMS)) {
      const li = el('li');
      const b = el('button', 'event-list-item');
      b.type = 'button';
      b.dataset.featureId = String(f.id);
      const day = parseDay(f.properties?.validFrom);
      b.append(el('span', 'event-list-date', day == null ? '' : dayInWords(day)),
        el('span', 'event-list-title', featureName(f.properties, f.id)));
      b.addEventListener('click', () => {
        this.map.setView(ll, Math.max(this.map.getZoom(), STACK_ZOOM), { animate: false });
        this.options.open(meta, f, ll);
      });
      li.append(b);
      this.list.append(li);
      if (focused === String(f.id)) b.focus({ preventScroll: true });
    }
  }
}
