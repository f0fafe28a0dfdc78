// The map panel's "Agreements" box: the clauses in force at the slider date, the breaches of the event window
// (a count on the time bar, rings on the map around the breaching events). Follows the map's
// 'frontline:view' event; a Leaflet control with onAdd/onRemove like the map's other controls.
import { mapState } from './briefing-http.js';



export const AgreementsPanel = L.Control.extend({
  options: { position: 'topright', debounceMs: 250 },

  onAdd(map) {
    this._map = map;
    this._rings = L.layerGroup().addTo(map);
    this._box = L.DomUtil.create('details', 'agreements-panel leaflet-bar');
    this._box.open = false;
    const summary = L.DomUtil.create('summary', '', this._box);
    summary.textContent = 'Agreements';
    this._list = L.DomUtil.create('ul', 'agreements-list', this._box);
    this._count = document.createElement('span');
    this._count.className = 'breach-count';
    this._count.setAttribute('aria-live', 'polite');
    document.querySelector('#timebar .readout')?.append(this._count);
    L.DomEvent.disableClickPropagation(this._box);
    this._onView = (e) => {
      clearTimeout(this._timer);
      this._timer = setTimeout(() => this._update(e.detail), this.options.debounceMs);
    };
    window.addEventListener('frontline:view', this._onView);
    // the map may have drawn its first view before this box existed
    const now = mapState();
    if (now.day) this._update({ day: now.day, from: now.windowFrom || '1900-01-01' });
    return this._box;
  },

  onRemove() {
    window.removeEventListener('frontline:view', this._onView);
    clearTimeout(this._timer);
    this._rings.remove();
    this._count.remove();
  },

  async _agreements() {
    if (!this._all) {
      const res = await fetch('/api/agreements', { headers: { Accept: 'application/json' } });
      this._all = res.ok ? await res.json() : [];
    }
    return this._all;
  },

  async _update({ day, from }) {
    const all = await this._agreements();
    const inForce = all.filter((a) => a.effectiveFrom <= day && (!a.endsOn || day < a.endsOn));
    this._list.replaceChildren();
    this._rings.clearLayers();
    let total = 0;
    for (const a of inForce) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/agreements/${encodeURIComponent(a.id)}`;
      link.textContent = a.name;
      li.append(link);
      const clauses = document.createElement('ul');
      for (const c of a.clauses) {
        const starts = c.from || a.effectiveFrom;
        if (starts > day || (c.to && day >= c.to)) continue;
        const item = document.createElement('li');
        item.textContent = `${c.id} (${c.type}${c.deadline ? `, deadline ${c.deadline}` : ''})`;
        item.dataset.clause = c.id;
        clauses.append(item);
      }
      li.append(clauses);
      this._list.append(li);
      const res = await fetch(`/api/agreements/${encodeURIComponent(a.id)}/breaches?from=${from}&to=${day}`,
        { headers: { Accept: 'application/geo+json' } });
      if (!res.ok) continue;
      const fc = await res.json();
      total += fc.features.length;
      const perClause = new Map();
      for (const f of fc.features) {
        perClause.set(f.properties.clause, (perClause.get(f.properties.clause) || 0) + 1);
        const [lon, lat] = f.geometry.coordinates;
        const ring = L.circleMarker([lat, lon], { radius: 11, color: '#D55E00', weight: 2, fill: false, interactive: false });
        this._rings.addLayer(ring);
      }
      for (const item of clauses.children) {
        const n = perClause.get(item.dataset.clause) || 0;
        if (n) item.append(document.createTextNode(` — ${n} breach${n === 1 ? '' : 'es'} in the window`));
      }
    }
    if (!inForce.length) this._list.textContent = 'No agreement in force at this date.';
    this._count.textContent = inForce.length ? ` · ${total} breach${total === 1 ? '' : 'es'} of agreements` : '';
    this._count.dataset.breaches = String(total);
  },
});

/** Adds the panel to the map page once its map exists. */
export function whenMapReady(fn, tries = 100) {
  if (window.__frontline?.map) fn(window.__frontline.map);
  else if (tries > 0) setTimeout(() => whenMapReady(fn, tries - 1), 100);
}

whenMapReady((map) => new AgreementsPanel().addTo(map));

