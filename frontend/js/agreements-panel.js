// The map panel's "Agreements" box: the clauses in force at the slider date and the breaches of the event window
// (a count on the time bar). "Highlight breaches" on an agreement draws its breaching events highlighted in the
// events layer itself (breach-highlight.js). Follows the map's 'frontline:view' event; a Leaflet control with
// onAdd/onRemove like the map's other controls.
import { mapState } from './briefing-http.js';
import { indexBreaches, setBreaches } from './breach-highlight.js';
import { el } from './dom.js';

export const AgreementsPanel = L.Control.extend({
  options: { position: 'topright', debounceMs: 250 },

  onAdd(map) {
    this._map = map;
    this._chosen = null; // the id of the agreement whose breaches are highlighted
    this._generation = 0;
    this._box = L.DomUtil.create('details', 'agreements-panel leaflet-bar');
    this._box.open = false;
    const summary = L.DomUtil.create('summary', '', this._box);
    summary.textContent = 'Agreements';
    this._list = L.DomUtil.create('ul', 'agreements-list', this._box);
    this._count = el('span', 'breach-count');
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
    this._count.remove();
    setBreaches(null);
  },

  async _agreements() {
    if (!this._all) {
      const res = await fetch('/api/agreements', { headers: { Accept: 'application/json' } });
      this._all = res.ok ? await res.json() : [];
    }
    return this._all;
  },

  /** Highlights {@code id}'s breaches (or none when it is already chosen) and redraws the list. */
  _choose(id) {
    this._chosen = this._chosen === id ? null : id;
    if (this._last) this._update(this._last);
  },

  async _update(view) {
    const { day, from } = view;
    this._last = view;
    const gen = ++this._generation;
    const all = await this._agreements();
    const inForce = all.filter((a) => a.effectiveFrom <= day && (!a.endsOn || day < a.endsOn));
    // counts per clause for the list (a few hundred bytes whatever the window holds); the breaches themselves
    // only for the agreement whose breaches are highlighted
    const answers = await Promise.all(inForce.map(async (a) => {
      const path = `/api/agreements/${encodeURIComponent(a.id)}/breaches`;
      const window = `from=${from > a.effectiveFrom ? from : a.effectiveFrom}&to=${day}`;
      const [counts, list] = await Promise.all([
        fetch(`${path}/counts?${window}&by=month`, { headers: { Accept: 'application/json' } })
          .then((res) => (res.ok ? res.json() : null)),
        this._chosen === a.id
          ? fetch(`${path}?${window}`, { headers: { Accept: 'application/geo+json' } })
            .then((res) => (res.ok ? res.json() : null))
          : null,
      ]);
      return { counts, list };
    }));
    if (gen !== this._generation) return; // a newer view or choice is on its way
    this._list.replaceChildren();
    let total = 0;
    let highlighted = null;
    inForce.forEach((a, i) => {
      const { counts, list } = answers[i];
      const li = el('li');
      li.dataset.agreement = a.id;
      const link = el('a', null, a.name);
      link.href = `/agreements/${encodeURIComponent(a.id)}`;
      const toggle = el('button', 'breach-toggle', 'Highlight breaches');
      toggle.type = 'button';
      toggle.setAttribute('aria-pressed', String(this._chosen === a.id));
      toggle.title = `Draw the events breaching ${a.name} highlighted on the map`;
      toggle.addEventListener('click', () => this._choose(a.id));
      const clauses = el('ul');
      const perClause = new Map(Object.entries(counts?.byClause ?? {}));
      for (const c of a.clauses) {
        const starts = c.from || a.effectiveFrom;
        if (starts > day || (c.to && day >= c.to)) continue;
        const item = el('li', null, `${c.id} (${c.type}${c.deadline ? `, deadline ${c.deadline}` : ''})`);
        item.dataset.clause = c.id;
        const n = perClause.get(c.id) || 0;
        if (n) item.append(document.createTextNode(` — ${n} breach${n === 1 ? '' : 'es'} in the window`));
        clauses.append(item);
      }
      li.append(link, toggle, clauses);
      this._list.append(li);
      total += counts?.total ?? 0;
      if (this._chosen === a.id) highlighted = { agreement: { id: a.id, name: a.name }, byEvent: indexBreaches(list) };
    });
    if (!inForce.length) this._list.textContent = 'No agreement in force at this date.';
    this._count.textContent = inForce.length ? ` · ${total} breach${total === 1 ? '' : 'es'} of agreements` : '';
    this._count.dataset.breaches = String(total);
    // an agreement no longer in force at the new date has nothing to highlight
    setBreaches(highlighted?.agreement ?? null, highlighted?.byEvent);
    this._box.dataset.highlighted = highlighted ? highlighted.agreement.id : '';
  },
});

/** Adds the panel to the map page once its map exists. */
export function whenMapReady(fn, tries = 100) {
  if (window.__frontline?.map) fn(window.__frontline.map);
  else if (tries > 0) setTimeout(() => whenMapReady(fn, tries - 1), 100);
}

whenMapReady((map) => new AgreementsPanel().addTo(map));

