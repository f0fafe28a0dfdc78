// Analysis tools on the map (the /api/analysis endpoints): ground gained and lost between two dates,
// posts coloured by their computed encirclement at the slider date, and geodesic buffers of a feature.
// Everything from data is put in the page with textContent.
import { isoDay, parseDay, addUnits } from './dates.js';
import { el } from './dom.js';
import { problemText } from './http.js';

async function getJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  if (!res.ok) throw new Error(await problemText(res));
  return res.json();
}

const STATUS_COLOURS = { open: '#1565c0', contested: '#f9a825', surrounded: '#c62828' };
const km2 = (v) => (Number(v) || 0).toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** The area layer whose features carry a party: what the change and encirclement analyses read. */
function controlLayer(metas) {
  const parties = metas.find((m) => m.kind === 'area' && m.style?.byProperty === 'party');
  return parties?.id || (metas.some((m) => m.id === 'control') ? 'control' : null);
}

export function setupTools({ map, metas, extent, day, notice }) {
  const box = document.getElementById('tools');
  const control = controlLayer(metas);
  const posts = metas.find((m) => m.kind === 'point' && m.id === 'posts')?.id
    || metas.find((m) => m.kind === 'point')?.id;
  if (!box || !control) return { update() {}, popupActions: () => [] };
  box.hidden = false;
  map.createPane('fl-analysis').style.zIndex = '445';
  const overlay = L.featureGroup().addTo(map);
  const rings = L.featureGroup().addTo(map);
  const buffers = L.featureGroup().addTo(map);

  // --- ground gained and lost ---
  const from = document.getElementById('change-from');
  const to = document.getElementById('change-to');
  const run = document.getElementById('change-run');
  const clear = document.getElementById('change-clear');
  const table = document.getElementById('change-table');
  const places = document.getElementById('change-places');
  const changeStatus = document.getElementById('change-status');
  const party = document.getElementById('change-party');
  let lastChange = null;
  // One party at a time: where two parties share the ground, one's gain is the other's loss and would overlap.
  const drawChange = () => {
    overlay.clearLayers();
    if (!lastChange) return;
    const mine = lastChange.features.filter((f) => f.geometry && f.properties.party === party.value);
    const drawn = L.geoJSON({ type: 'FeatureCollection', features: mine }, {
      pane: 'fl-analysis',
      style: (f) => {
        const colour = f.properties.change === 'gained' ? '#1b9e3e' : '#d7191c';
        return { color: colour, weight: 1, fillColor: colour, fillOpacity: 0.45, className: `fl-change fl-change-${f.properties.change}` };
      },
    });
    drawn.eachLayer((layer) => {
      const p = layer.feature.properties;
      layer.bindTooltip(el('span', null, `${p.party} ${p.change} ${km2(p.areaKm2)} km²`), { sticky: true });
    });
    overlay.addLayer(drawn);
  };
  party.addEventListener('change', drawChange);
  // the analyses refuse dates outside the control layer's own data, so keep to those
  const controlMeta = metas.find((m) => m.id === control);
  const first = parseDay(controlMeta?.extent?.from) ?? extent.start;
  const last = Math.max(first, extent.end);
  for (const input of [from, to]) {
    input.min = isoDay(first);
    input.max = isoDay(last);
  }
  box.addEventListener('toggle', () => {
    if (!box.open || to.value) return;
    const d = Math.min(last, Math.max(first, day()));
    to.value = isoDay(d);
    from.value = isoDay(Math.max(first, addUnits(d, -1, 'month')));
  });
  const clearChange = () => {
    lastChange = null;
    party.hidden = true;
    overlay.clearLayers();
    table.hidden = true;
    table.tBodies[0].replaceChildren();
    places.replaceChildren();
    clear.hidden = true;
    changeStatus.textContent = '';
  };
  clear.addEventListener('click', clearChange);
  run.addEventListener('click', async () => {
    if (parseDay(from.value) == null || parseDay(to.value) == null) {
      changeStatus.textContent = 'Choose both dates.';
      return;
    }
    clearChange();
    changeStatus.textContent = 'computing…';
    try {
      const fc = await getJson(`/api/analysis/change?${new URLSearchParams({ layer: control, from: from.value, to: to.value })}`);
      lastChange = fc;
      const parties = [...new Set(fc.features.map((f) => f.properties.party))];
      party.replaceChildren(...parties.map((p) => {
        const o = el('option', null, p);
        o.value = p;
        return o;
      }));
      party.hidden = parties.length < 2;
      drawChange();
      for (const row of fc.table || []) {
        const tr = el('tr');
        tr.append(el('td', null, row.party), el('td', 'num', km2(row.gainedKm2)), el('td', 'num', km2(row.lostKm2)),
          el('td', 'num', km2(row.netKm2)));
        table.tBodies[0].append(tr);
      }
      table.hidden = !(fc.table || []).length;
      for (const p of fc.placesChangedHands || []) {
        places.append(el('li', null, `${p.name}: ${p.before ?? 'nobody'} → ${p.after ?? 'nobody'}`));
      }
      clear.hidden = false;
      changeStatus.textContent = `${control}, ${from.value} → ${to.value}`;
    } catch (e) {
      changeStatus.textContent = e.message;
    }
  });

  // --- posts by computed encirclement ---
  const encircle = document.getElementById('encircle-toggle');
  const radius = document.getElementById('encircle-radius');
  const encircleStatus = document.getElementById('encircle-status');
  let encircleCtl = null;
  async function updateRings() {
    encircleCtl?.abort();
    if (!encircle.checked || !posts) {
      rings.clearLayers();
      encircleStatus.textContent = '';
      return;
    }
    if (day() < first) {
      rings.clearLayers();
      encircleStatus.textContent = `no ${control} data before ${isoDay(first)}`;
      return;
    }
    encircleCtl = new AbortController();
    const at = isoDay(day());
    try {
      const params = new URLSearchParams({ layer: control, points: posts, at, radiusKm: radius.value || '15' });
      const fc = await getJson(`/api/analysis/encirclement?${params}`, encircleCtl.signal);
      rings.clearLayers();
      for (const f of fc.features) {
        if (f.geometry?.type !== 'Point') continue;
        const p = f.properties;
        const colour = STATUS_COLOURS[p.status] || '#555';
        const ring = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          pane: 'fl-analysis', radius: 15, color: colour, weight: 4, fill: false,
          className: `fl-encirclement fl-encirclement-${String(p.status).replace(/[^a-z]/g, '')}`,
        });
        ring.bindTooltip(el('span', null,
          `${p.name ?? f.id}: ${p.status} (${Math.round((Number(p.cutShare) || 0) * 100)}% of directions cut)`));
        rings.addLayer(ring);
      }
      const counts = {};
      for (const f of fc.features) counts[f.properties.status] = (counts[f.properties.status] || 0) + 1;
      encircleStatus.textContent = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') + ` on ${at}`;
    } catch (e) {
      if (e.name === 'AbortError') return;
      rings.clearLayers();
      encircleStatus.textContent = e.message;
    }
  }
  encircle.addEventListener('change', updateRings);
  radius.addEventListener('change', updateRings);

  // --- buffers of a feature (from its popup) ---
  const bufferKm = document.getElementById('buffer-km');
  const bufferClear = document.getElementById('buffer-clear');
  bufferClear.addEventListener('click', () => {
    buffers.clearLayers();
    bufferClear.hidden = true;
  });
  async function bufferOf(feature) {
    const km = Number(bufferKm.value);
    try {
      const params = new URLSearchParams({ feature: feature.id, distanceKm: String(km), at: isoDay(day()) });
      const fc = await getJson(`/api/analysis/buffer?${params}`);
      const layer = L.geoJSON(fc, { pane: 'fl-analysis',
        style: { color: '#6a3d9a', weight: 2, dashArray: '5 4', fillOpacity: 0.12, className: 'fl-buffer' } });
      layer.eachLayer((l) => l.bindTooltip(el('span', null,
        `${km} km around ${feature.properties?.name ?? feature.id}: ${km2(l.feature.properties.areaKm2)} km²`)));
      buffers.addLayer(layer);
      bufferClear.hidden = false;
      map.closePopup();
    } catch (e) {
      notice(`Buffer of ${feature.id}: ${e.message}`);
    }
  }

  return {
    /** Called after each render of the map (the slider date may have moved). */
    update: () => {
      if (encircle.checked) updateRings();
    },
    popupActions: (feature) => (feature.id == null ? [] : [{
      label: `Buffer ${Number(bufferKm.value) || 0} km`,
      run: () => bufferOf(feature),
    }]),
  };
}
