// Plays a briefing: one frame at a time, moving the map's date and view with a short transition.
// An ES module whose imports are plain files without imports of their own (style.js, symbols.js, dates.js), so
// the HTML export can inline them all (briefings/ModuleInliner) and play from file:// with no network: there the
// data comes from <script id="briefing-data">, on the site from the data URL on #briefing.
import { OVERLAY, categoryProperty, legendEntries, look, warnings } from './style.js';
import { symbolSvg } from './symbols.js';
import { dayInWords, parseDay, rangeInWords } from './dates.js';

(function () {
  const root = document.getElementById('briefing');
  if (!root || typeof L === 'undefined') return;
  const embedded = document.getElementById('briefing-data');
  const bundle = embedded ? JSON.parse(embedded.textContent) : null;
  const dataUrl = root.dataset.dataUrl;
  const noticeEl = document.getElementById('player-notice');

  function notice(text) {
    noticeEl.textContent = text;
    noticeEl.hidden = false;
  }

  async function getJson(url) {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) {
      let detail = 'HTTP ' + res.status;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return res.json();
  }

  const source = bundle
    ? { meta: () => Promise.resolve(bundle.meta), frame: (n) => Promise.resolve(bundle.frames[n - 1]) }
    : { meta: () => getJson(dataUrl), frame: (n) => getJson(dataUrl + '/frames/' + n) };

  const map = L.map('bmap', { zoomSnap: 1, minZoom: 2, maxZoom: 18, preferCanvas: false });
  const dataGroup = L.featureGroup().addTo(map);
  const frameCache = new Map();
  let meta = null;
  let current = 0;
  let timer = null;
  let shown = 0;

  // --- styling: style.js, the same reading of the layer's style JSON as the map page and the PDF ---
  // Leaflet puts a string tooltip in with innerHTML: hand it a text node instead (names come from reports).
  function textNode(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }

  function popupFor(props) {
    const box = document.createElement('div');
    const title = props.title || props.name || props.placeName || props.party || props.zoneType || '';
    const h = document.createElement('strong');
    h.textContent = title;
    box.appendChild(h);
    for (const key of ['status', 'eventType', 'validFrom', 'sourcePublisher']) {
      if (props[key] == null) continue;
      const p = document.createElement('div');
      p.textContent = key + ': ' + props[key];
      box.appendChild(p);
    }
    return box;
  }

  function drawLayer(layerMeta, fc, highlights) {
    const pointLike = layerMeta.kind === 'event' || layerMeta.kind === 'point';
    return L.geoJSON(fc, {
      style: (f) => {
        const hi = highlights.has(String(f.id));
        const l = look(layerMeta, f.properties);
        return {
          color: hi ? '#ffd600' : l.color,
          fillColor: l.fillColor || l.color,
          fill: l.fillColor != null,
          weight: l.weight + (hi ? 3 : 0),
          dashArray: l.dashArray,
          fillOpacity: l.fillOpacity,
          opacity: l.opacity,
        };
      },
      pointToLayer: (f, latlng) => {
        const hi = highlights.has(String(f.id));
        const l = look(layerMeta, f.properties);
        if (layerMeta.kind === 'point') {
          const r = l.radius + (hi ? 3 : 0);
          const icon = symbolSvg(l.symbol, l.fillColor, r);
          if (hi) icon.classList.add('fl-highlight');
          const size = Math.round(2 * r + 4);
          return L.marker(latlng, { icon: L.divIcon({ className: 'post-icon', html: icon, iconSize: [size, size] }) });
        }
        return L.circleMarker(latlng, {
          radius: l.radius + (hi ? 4 : 0),
          color: hi ? '#ffd600' : l.color,
          weight: hi ? 3 : 1,
          fillColor: l.fillColor,
          fillOpacity: l.fillOpacity,
        });
      },
      onEachFeature: (f, layer) => {
        layer.bindPopup(() => popupFor(f.properties || {}));
        if (pointLike && highlights.has(String(f.id))) layer.bindTooltip(textNode(popupFor(f.properties || {}).firstChild.textContent || ''), { permanent: true, direction: 'top' });
      },
    });
  }

  // --- the key: every layer of the frame and the overlay, each with its warnings if its style is faulty ---
  function renderLegend(f, data, layerMetas) {
    const box = document.getElementById('frame-legend');
    if (!box) return;
    box.replaceChildren();
    const add = (swatch, text, cls) => {
      const li = document.createElement('li');
      if (cls) li.className = cls;
      if (swatch) li.append(swatch);
      const span = document.createElement('span');
      span.textContent = text;
      li.append(span);
      box.append(li);
    };
    const swatch = (colour) => {
      const s = document.createElement('span');
      s.className = 'swatch';
      s.style.backgroundColor = colour;
      s.dataset.color = colour;
      return s;
    };
    for (const id of f.layers) {
      const m = layerMetas.get(id);
      if (!m) {
        add(null, 'Layer “' + id + '” no longer exists: not drawn', 'legend-warning');
        continue;
      }
      const fc = data.layers[id];
      const key = categoryProperty(m);
      const seen = new Set();
      for (const feat of (fc && fc.features) || []) {
        const p = feat.properties || {};
        if (key && p[key] != null) seen.add(String(p[key]));
      }
      const head = document.createElement('li');
      head.className = 'legend-layer';
      head.textContent = m.title || m.id;
      box.append(head);
      const entries = legendEntries(m, seen);
      if (!entries.length) add(swatch(look(m, {}).color), m.title || m.id);
      for (const e of entries) {
        if (!seen.size || seen.has(e.value)) {
          add(m.kind === 'point' ? symbolSvg(e.symbol, e.color, 6) : swatch(e.color), e.value);
        }
      }
      for (const w of warnings(m)) add(null, '⚠ ' + w, 'legend-warning');
    }
    if (data.overlay && data.overlay.features.length) {
      const parties = [...new Set(data.overlay.features.map((g) => g.properties.party).filter((p) => p != null))];
      add(swatch(OVERLAY.gained), 'ground gained since the previous frame' + (parties.length ? ' (' + parties.join(', ') + ')' : ''));
    }
  }

  function drawBasemap(basemap) {
    if (!basemap) return;
    const pane = map.createPane('basemap');
    pane.style.zIndex = 300;
    if (basemap.land) L.geoJSON(basemap.land, { pane: 'basemap', interactive: false, style: { color: '#c9c2b3', weight: 0.5, fillColor: '#f1ede4', fillOpacity: 1 } }).addTo(map);
    if (basemap.borders) L.geoJSON(basemap.borders, { pane: 'basemap', interactive: false, style: { color: '#8a8178', weight: 1.2, dashArray: '5 3', fill: false } }).addTo(map);
    if (basemap.places) {
      L.geoJSON(basemap.places, {
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { pane: 'basemap', radius: 2, color: '#555', weight: 1, interactive: false })
          .bindTooltip(textNode(String(f.properties && f.properties.name || '')), { permanent: true, direction: 'right', className: 'place-label', offset: [3, 0] }),
      }).addTo(map);
    }
    map.getContainer().style.background = '#b8d4e6';
  }

  function loadFrame(n) {
    if (!frameCache.has(n)) {
      const p = source.frame(n).catch((e) => { frameCache.delete(n); throw e; });
      frameCache.set(n, p);
    }
    return frameCache.get(n);
  }

  // --- timeline: frames placed along the time axis, a cursor that slides to the shown frame's date ---
  const DAY = 86400000;
  let span = { start: 0, end: 1 };
  function dayValue(iso) { return Date.parse(iso + 'T00:00:00Z'); }
  function position(iso) {
    const t = dayValue(iso);
    return span.end > span.start ? ((t - span.start) / (span.end - span.start)) * 100 : 50;
  }

  function buildTimeline() {
    const track = root.querySelector('#timeline .track');
    const days = meta.frames.map((f) => dayValue(f.day));
    span = { start: Math.min(...days) - 15 * DAY, end: Math.max(...days) + 15 * DAY };
    const timeline = document.getElementById('timeline');
    for (const [cls, t] of [['start', span.start], ['stop', span.end]]) {
      const label = document.createElement('span');
      label.className = 'end ' + cls;
      label.textContent = new Date(t).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
      timeline.appendChild(label);
    }
    for (const f of meta.frames) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tick';
      b.style.left = position(f.day) + '%';
      b.dataset.n = String(f.n);
      b.textContent = String(f.n);
      b.title = dayInWords(parseDay(f.day)) + (f.title ? ' — ' + f.title : '');
      b.setAttribute('aria-label', 'Frame ' + f.n + ', ' + dayInWords(parseDay(f.day)));
      b.addEventListener('click', () => { stop(); go(f.n); });
      track.appendChild(b);
    }
    requestAnimationFrame(staggerTicks);
    window.addEventListener('resize', staggerTicks);
  }

  // Frames close in time would put their numbered ticks on top of each other: such a tick goes down a row.
  function staggerTicks() {
    const track = root.querySelector('#timeline .track');
    const width = track.getBoundingClientRect().width;
    const lastOnRow = [];
    let rows = 1;
    for (const t of track.querySelectorAll('.tick')) {
      const x = (parseFloat(t.style.left) / 100) * width;
      let row = 0;
      while (lastOnRow[row] != null && x - lastOnRow[row] < 26) row++;
      lastOnRow[row] = x;
      rows = Math.max(rows, row + 1);
      t.style.top = (-10 + row * 24) + 'px';
      t.dataset.row = String(row);
    }
    document.getElementById('timeline').style.height = (34 + (rows - 1) * 24) + 'px';
  }

  async function go(n, how) {
    if (!meta || n < 1 || n > meta.frames.length) return;
    current = n;
    const f = meta.frames[n - 1];
    for (const s of root.querySelectorAll('.frame-text')) s.hidden = s.dataset.n !== String(n);
    for (const t of root.querySelectorAll('.tick')) t.classList.toggle('current', t.dataset.n === String(n));
    const showsEvents = f.layers.some((id) => meta.layers.some((l) => l.id === id && l.kind === 'event'));
    const day = parseDay(f.day);
    document.getElementById('frame-date').textContent = dayInWords(day)
      + (showsEvents && f.windowFrom !== f.day ? ' (events ' + rangeInWords(parseDay(f.windowFrom), day) + ')' : '');
    document.getElementById('cursor').style.left = position(f.day) + '%';
    if (location.hash !== '#' + n) history.replaceState(null, '', '#' + n);
    const animate = how !== 'instant';
    if (f.bbox) map.flyToBounds([[f.bbox[1], f.bbox[0]], [f.bbox[3], f.bbox[2]]], { animate, duration: 0.8 });
    else map.flyTo(f.center, f.zoom, { animate, duration: 0.8 });
    let data;
    try {
      data = await loadFrame(n);
    } catch (e) {
      notice('Frame ' + n + ' could not be loaded: ' + e.message);
      return;
    }
    if (current !== n) return; // the viewer moved on meanwhile
    noticeEl.hidden = true;
    dataGroup.clearLayers();
    const highlights = new Set((f.highlights || []).map(String));
    const layerMetas = new Map(meta.layers.map((l) => [l.id, l]));
    for (const id of f.layers) {
      const fc = data.layers[id];
      if (fc && layerMetas.has(id)) dataGroup.addLayer(drawLayer(layerMetas.get(id), fc, highlights));
    }
    if (data.overlay && data.overlay.features.length) {
      dataGroup.addLayer(L.geoJSON(data.overlay, {
        style: () => ({ color: OVERLAY.outline, weight: 1.5, dashArray: '3 3', fillColor: OVERLAY.gained, fillOpacity: 0.6 }),
        onEachFeature: (g, layer) => layer.bindTooltip(textNode('gained since the previous frame')),
      }));
    }
    renderLegend(f, data, layerMetas);
    shown++;
    root.dataset.frame = String(n);
    root.dataset.day = f.day;
    root.dataset.shown = String(shown);
    if (n < meta.frames.length) loadFrame(n + 1).catch(() => {}); // warm the next step
  }

  // --- autoplay, buttons, keyboard, #n deep links ---
  const playBtn = document.getElementById('playpause');
  function stop() {
    clearInterval(timer);
    timer = null;
    playBtn.textContent = '▶';
    playBtn.setAttribute('aria-label', 'Play');
    root.dataset.playing = 'false';
  }
  function play() {
    if (current >= meta.frames.length) go(1);
    clearInterval(timer);
    timer = setInterval(() => {
      if (current >= meta.frames.length) stop();
      else go(current + 1);
    }, Number(document.getElementById('pace').value));
    playBtn.textContent = '❚❚';
    playBtn.setAttribute('aria-label', 'Pause');
    root.dataset.playing = 'true';
  }
  playBtn.addEventListener('click', () => (timer ? stop() : play()));
  document.getElementById('pace').addEventListener('change', () => { if (timer) play(); });
  document.getElementById('prev').addEventListener('click', () => { stop(); go(current - 1); });
  document.getElementById('next').addEventListener('click', () => { stop(); go(current + 1); });
  document.addEventListener('keydown', (e) => {
    const tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { stop(); go(current + 1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { stop(); go(current - 1); e.preventDefault(); }
    else if (e.key === 'Home') { stop(); go(1); e.preventDefault(); }
    else if (e.key === 'End') { stop(); go(meta.frames.length); e.preventDefault(); }
    else if (e.key === ' ' && tag !== 'BUTTON') { timer ? stop() : play(); e.preventDefault(); }
  });

  function frameFromHash() {
    const n = Number(location.hash.replace('#', ''));
    return Number.isInteger(n) && n >= 1 && meta && n <= meta.frames.length ? n : null;
  }
  window.addEventListener('hashchange', () => {
    const n = frameFromHash();
    if (n && n !== current) { stop(); go(n); }
  });

  source.meta().then((m) => {
    meta = m;
    if (!meta.frames.length) {
      notice('This briefing has no frames yet.');
      map.setView([35.75, 36.65], 8);
      return;
    }
    drawBasemap(meta.basemap);
    buildTimeline();
    const first = meta.frames[(frameFromHash() || 1) - 1];
    map.setView(first.center, first.zoom);
    root.dataset.ready = 'true';
    return go(first.n, 'instant');
  }).catch((e) => notice('The briefing could not be loaded: ' + e.message));

  // For tests: what is shown, and a way to move.
  window.__briefing = {
    frame: () => current,
    day: () => root.dataset.day,
    go: (n) => go(n),
    drawn: () => { let n = 0; dataGroup.eachLayer((g) => { n += g.getLayers ? g.getLayers().length : 1; }); return n; },
    drawnIds: () => { const ids = []; dataGroup.eachLayer((g) => g.eachLayer && g.eachLayer((l) => l.feature && ids.push(String(l.feature.id)))); return ids; },
    geometryOf: (id) => { let out = null; dataGroup.eachLayer((g) => g.eachLayer && g.eachLayer((l) => { if (l.feature && String(l.feature.id) === id) out = l.feature.geometry; })); return out; },
  };
})();
