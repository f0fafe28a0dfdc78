// The search box: matches place labels and the names/titles of loaded features, client-side, then asks
// the gazetteer (/api/places) for the spelling as typed, which finds "Saraqeb" or "Maaret al-Nouman" too;
// picking a result flies there (and opens the feature's popup).
import { featureName } from './popup.js';
import { el } from './dom.js';

function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

export function setupSearch({ map, input, list, places, layers }) {
  let results = [];
  let active = -1;
  let lookup = null; // the gazetteer request in flight
  let timer = null;

  // Adds gazetteer places the local lists do not have, once the typing pauses.
  const askGazetteer = (typed) => {
    clearTimeout(timer);
    lookup?.abort();
    if (typed.trim().length < 3) return;
    timer = setTimeout(async () => {
      lookup = new AbortController();
      try {
        const res = await fetch(`/api/places?q=${encodeURIComponent(typed.trim())}&limit=5`,
          { signal: lookup.signal, headers: { Accept: 'application/json' } });
        if (!res.ok || input.value !== typed) return;
        const known = new Set(results.map((r) => fold(r.label)));
        for (const p of await res.json()) {
          if (known.has(fold(p.name))) continue;
          known.add(fold(p.name));
          results.push({ label: p.name, detail: `${p.kind} · ${p.country}`,
            go: () => map.flyTo([p.lat, p.lon], Math.max(map.getZoom(), 11)) });
        }
        results = results.slice(0, 12);
        if (active < 0 && results.length) active = 0;
        render();
      } catch (e) {
        if (e.name !== 'AbortError') console.warn('place search failed', e);
      }
    }, 200);
  };

  const candidates = function* () {
    for (const p of places()) yield { label: p.name, detail: p.kind, go: () => map.flyTo(p.latlng, Math.max(map.getZoom(), 10)) };
    for (const { meta, layer, feature } of layers.loadedFeatures()) {
      const name = featureName(feature.properties);
      if (!name) continue;
      yield {
        label: name,
        detail: `${meta.title || meta.id}${feature.properties?.validFrom ? ' · ' + String(feature.properties.validFrom).slice(0, 10) : ''}`,
        go: () => {
          const target = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
          if (layer.getLatLng) map.flyTo(target, Math.max(map.getZoom(), 11));
          else map.flyToBounds(layer.getBounds(), { maxZoom: 11 });
          map.once('moveend', () => layers.openPopup(layer, meta, target));
        },
      };
    }
  };

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    results = [];
    active = -1;
  };

  const pick = (r) => {
    close();
    input.value = r.label;
    r.go();
  };

  const render = () => {
    list.replaceChildren();
    results.forEach((r, i) => {
      const li = el('li', i === active ? 'active' : null);
      li.setAttribute('role', 'option');
      li.append(el('span', 'result-label', r.label), el('span', 'result-detail', r.detail));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(r);
      });
      list.append(li);
    });
    list.hidden = results.length === 0;
  };

  input.addEventListener('input', () => {
    const q = fold(input.value);
    if (q.length < 2) {
      askGazetteer('');
      return close();
    }
    const seen = new Set();
    const scored = [];
    for (const c of candidates()) {
      const name = fold(c.label);
      const at = name.indexOf(q);
      if (at < 0) continue;
      const key = `${name}|${c.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scored.push({ c, score: (at === 0 ? 0 : name[at - 1] === ' ' ? 1 : 2) * 1000 + name.length });
    }
    scored.sort((a, b) => a.score - b.score);
    results = scored.slice(0, 10).map((s) => s.c);
    active = results.length ? 0 : -1;
    render();
    askGazetteer(input.value);
  });

  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      render();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(results[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  // close when focus has really gone elsewhere (not when it left and came back, as on clearing the field)
  input.addEventListener('blur', () => setTimeout(() => {
    if (document.activeElement !== input) close();
  }, 150));
}
