// Plays a briefing: one frame at a time, moving the map's date and view with a short transition.
// A classic script (no imports) so that the HTML export can inline it and play from file:// with no network:
// there the data comes from <script id="briefing-data">, on the site from the data URL on #briefing.
(function () {
  'use strict';
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

  // --- styling: the same style JSON as the map page (color, weight, radius, byProperty/colors …) ---
  function colorOf(style, props) {
    const key = style.byProperty && props ? props[style.byProperty] : null;
    return (style.colors && key != null && style.colors[key]) || style.color || '#333';
  }

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
    const style = layerMeta.style || {};
    const pointLike = layerMeta.kind === 'event' || layerMeta.kind === 'point';
    return L.geoJSON(fc, {
      style: (f) => {
        const hi = highlights.has(String(f.id));
        return {
          color: hi ? '#ffd600' : colorOf(style, f.properties),
          fillColor: colorOf(style, f.properties),
          weight: (style.weight || 2) + (hi ? 3 : 0),
          dashArray: style.dashArray || null,
          fillOpacity: style.fillOpacity == null ? 0.3 : style.fillOpacity,
          opacity: 0.9,
        };
      },
      pointToLayer: (f, latlng) => {
        const hi = highlights.has(String(f.id));
        return L.circleMarker(latlng, {
          radius: (style.radius || 5) + (hi ? 4 : 0),
          color: hi ? '#ffd600' : '#222',
          weight: hi ? 3 : 1,
          fillColor: colorOf(style, f.properties),
          fillOpacity: style.fillOpacity == null ? 0.85 : style.fillOpacity,
        });
      },
      onEachFeature: (f, layer) => {
        layer.bindPopup(() => popupFor(f.properties || {}));
        if (pointLike && highlights.has(String(f.id))) layer.bindTooltip(textNode(popupFor(f.properties || {}).firstChild.textContent || ''), { permanent: true, direction: 'top' });
      },
    });
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
      label.textContent = new Date(t).toISOString().slice(0, 7);
      timeline.appendChild(label);
    }
    for (const f of meta.frames) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tick';
      b.style.left = position(f.day) + '%';
      b.dataset.n = String(f.n);
      b.textContent = String(f.n);
      b.title = f.day + (f.title ? ' — ' + f.title : '');
      b.setAttribute('aria-label', 'Frame ' + f.n + ', ' + f.day);
      b.addEventListener('click', () => { stop(); go(f.n); });
      track.appendChild(b);
    }
  }

  async function go(n, how) {
    if (!meta || n < 1 || n > meta.frames.length) return;
    current = n;
    const f = meta.frames[n - 1];
    for (const s of root.querySelectorAll('.frame-text')) s.hidden = s.dataset.n !== String(n);
    for (const t of root.querySelectorAll('.tick')) t.classList.toggle('current', t.dataset.n === String(n));
    const showsEvents = f.layers.some((id) => meta.layers.some((l) => l.id === id && l.kind === 'event'));
    document.getElementById('frame-date').textContent = f.day
      + (showsEvents && f.windowFrom !== f.day ? ' (events since ' + f.windowFrom + ')' : '');
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
        style: (g) => ({ color: '#111', weight: 1.5, dashArray: '3 3', fillColor: colorOf((layerMetas.get(g.properties.layer) || {}).style || {}, g.properties), fillOpacity: 0.7 }),
        onEachFeature: (g, layer) => layer.bindTooltip(textNode('gained since the previous frame')),
      }));
    }
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
