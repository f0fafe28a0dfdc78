// Analysis tools on the map (the /api/analysis endpoints): ground gained and lost between two dates,
// posts coloured by their computed encirclement at the slider date, and geodesic buffers of a feature.
// Everything from data is put in the page with textContent.
import { isoDay, parseDay, addUnits } from './dates.js';
import { el } from './dom.js';
import { problemText } from './http.js';
import { KNOWN_SYMBOLS, OVERLAY } from './style.js';
import { symbolSvg } from './symbols.js';

async function getJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  if (!res.ok) throw new Error(await problemText(res));
  return res.json();
}

const STATUS_COLOURS = OVERLAY.rings;

/** A legend under a tool: one row per colour drawn, so no overlay is on the map without its key. */
function overlayLegend(list, rows) {
  list.replaceChildren();
  for (const { colour, label, symbol, dashed } of rows) {
    const li = el('li');
    let sw;
    if (symbol) sw = symbolSvg(symbol, colour, 6);
    else {
      sw = el('span', 'swatch');
      sw.style.backgroundColor = colour;
      if (dashed) sw.style.border = `2px dashed ${colour}`;
    }
    sw.classList.add('legend-swatch');
    sw.dataset.color = colour;
    li.append(sw, el('span', null, label));
    list.append(li);
  }
  list.hidden = rows.length === 0;
}
const km2 = (v) => (Number(v) || 0).toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** The area layer whose features carry a party: what the change and encirclement analyses read. */
function controlLayer(metas) {
  const parties = metas.find((m) => m.kind === 'area' && m.style?.byProperty === 'party');
  return parties?.id || (metas.some((m) => m.id === 'control') ? 'control' : null);
}

/** '…: threatened — friendly corridor 2.4 km wide; front line 1.2 km away'. */
function ringText(p, id) {
  const parts = [`${p.name ?? id}: ${p.status}`];
  if (p.corridorKm != null) parts.push(`friendly corridor ${Number(p.corridorKm).toFixed(1)} km wide`);
  if (p.frontDistanceKm != null) parts.push(`front line ${Number(p.frontDistanceKm).toFixed(1)} km away`);
  return parts.join(' — ');
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
  const changeLegend = document.getElementById('change-legend');
  let lastChange = null;
  // One party at a time: where two parties share the ground, one's gain is the other's loss and would overlap.
  const drawChange = () => {
    overlay.clearLayers();
    if (!lastChange) return;
    const mine = lastChange.features.filter((f) => f.geometry && f.properties.party === party.value);
    const drawn = L.geoJSON({ type: 'FeatureCollection', features: mine }, {
      pane: 'fl-analysis',
      style: (f) => {
        const colour = f.properties.change === 'gained' ? OVERLAY.gained : OVERLAY.lost;
        return { color: OVERLAY.outline, weight: 1, dashArray: '3 3', fillColor: colour, fillOpacity: 0.55, className: `fl-change fl-change-${f.properties.change}` };
      },
    });
    drawn.eachLayer((layer) => {
      const p = layer.feature.properties;
      layer.bindTooltip(el('span', null, `${p.party} ${p.change} ${km2(p.areaKm2)} km²`), { sticky: true });
    });
    overlay.addLayer(drawn);
    overlayLegend(changeLegend, [{ colour: OVERLAY.gained, label: `ground ${party.value} gained` },
      { colour: OVERLAY.lost, label: `ground ${party.value} lost` }]);
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
    overlayLegend(changeLegend, []);
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
  const corridor = document.getElementById('encircle-corridor');
  const encircleStatus = document.getElementById('encircle-status');
  const ringLegend = document.getElementById('encircle-legend');
  let encircleCtl = null;
  async function updateRings() {
    encircleCtl?.abort();
    if (!encircle.checked || !posts) {
      rings.clearLayers();
      overlayLegend(ringLegend, []);
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
      const params = new URLSearchParams({ layer: control, points: posts, at, corridorKm: corridor.value || '5' });
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
        ring.bindTooltip(el('span', null, ringText(p, f.id)));
        rings.addLayer(ring);
      }
      overlayLegend(ringLegend, Object.entries(STATUS_COLOURS).filter(([k]) => k !== 'closed')
        .map(([k, colour]) => ({ colour, label: `ring: computed ${k}`, symbol: KNOWN_SYMBOLS.status[k] })));
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
  corridor.addEventListener('change', updateRings);

  // --- buffers of a feature (from its popup) ---
  const bufferKm = document.getElementById('buffer-km');
  const bufferClear = document.getElementById('buffer-clear');
  const bufferLegend = document.getElementById('buffer-legend');
  bufferClear.addEventListener('click', () => {
    buffers.clearLayers();
    overlayLegend(bufferLegend, []);
    bufferClear.hidden = true;
  });
  async function bufferOf(feature) {
    const km = Number(bufferKm.value);
    try {
      const params = new URLSearchParams({ feature: feature.id, distanceKm: String(km), at: isoDay(day()) });
      const fc = await getJson(`/api/analysis/buffer?${params}`);
      const layer = L.geoJSON(fc, { pane: 'fl-analysis',
        style: { color: OVERLAY.buffer, weight: 2, dashArray: '5 4', fillOpacity: 0.12, className: 'fl-buffer' } });
      layer.eachLayer((l) => l.bindTooltip(el('span', null,
        `${km} km around ${feature.properties?.name ?? feature.id}: ${km2(l.feature.properties.areaKm2)} km²`)));
      buffers.addLayer(layer);
      overlayLegend(bufferLegend, [{ colour: OVERLAY.buffer, label: 'buffer (dashed outline)', dashed: true }]);
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
