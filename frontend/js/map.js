// The map page: wires the basemap, the data layers, the time bar, permalinks and search together.
// Timings for the bench and tests are kept on window.__frontlineTimings (performance.now() milliseconds).
import { bboxContains, fetchLayers, FeatureLoader, isAbort, roundBbox } from './api.js';
import { addBasemap } from './basemap.js';
import { isoDay, parseDay, today, windowStart } from './dates.js';
import { LayerManager } from './layers.js';
import { addMapTools } from './map-tools.js';
import { readMapView, resolveView, toQuery } from './permalink.js';
import { setupSearch } from './search.js';
import { setupTimebar } from './timebar.js';
import { setupTools } from './tools.js';

const timings = { firstPaint: null, basemapReady: null, layersReady: null, steps: [], renders: 0 };
window.__frontlineTimings = timings;

const app = document.getElementById('app');
const noticeBox = document.getElementById('notice');
const statusEl = document.getElementById('status');

function notice(text) {
  document.getElementById('notice-text').textContent = text;
  noticeBox.hidden = false;
}
document.getElementById('notice-close').addEventListener('click', () => { noticeBox.hidden = true; });

function numberList(text, n) {
  const parts = String(text || '').split(',').map(Number);
  return parts.length === n && parts.every(Number.isFinite) ? parts : null;
}

const defaults = {
  center: numberList(app.dataset.center, 2) || [35.75, 36.65],
  zoom: Number(app.dataset.zoom) || 9,
  win: 'week',
};

const start = readMapView(location.search, { ...defaults, layers: [], day: 0 });
const map = L.map('map', { zoomSnap: 1, minZoom: 2, maxZoom: 18 }).setView(start.center, start.zoom);
const loader = new FeatureLoader(64);
let places = [];
const basemapReady = addBasemap(map, { tilesUrl: app.dataset.tilesUrl, tilesAttribution: app.dataset.tilesAttribution })
  .then((b) => {
    places = b.places;
    timings.basemapReady = performance.now();
  })
  .catch((e) => notice(`The basemap could not be loaded (${e.message}); the data layers still work.`));

// The next animation frame, or 100 ms if frames are not coming (a hidden tab, a throttled headless page).
const nextFrame = () => new Promise((resolve) => {
  requestAnimationFrame(() => resolve());
  setTimeout(resolve, 100);
});

/**
 * The slider's span: the union of the layers' extents. A layer that never changed (one state, its extent
 * starting and ending on the same day — e.g. governorates drawn since 2011) says nothing about when things
 * happened, so it only counts when no layer has a history.
 */
function extentOf(metas) {
  const dated = metas.map((m) => ({ m, from: parseDay(m.extent?.from), to: parseDay(m.extent?.to) }))
    .filter((d) => d.from != null);
  const changing = dated.filter((d) => d.m.kind === 'event' || (d.to != null && d.to > d.from));
  const basis = changing.length ? changing : dated;
  if (!basis.length) return { start: today(), end: today() };
  const start = Math.min(...basis.map((d) => d.from));
  return { start, end: Math.max(start, ...basis.map((d) => d.to ?? d.from)) };
}

async function main() {
  let metas;
  try {
    metas = await fetchLayers();
  } catch (e) {
    notice(e.message);
    return;
  }
  const extent = extentOf(metas);
  const layers = new LayerManager(map, metas, () => { render('toggle'); commitUrl('push'); });
  const fullDefaults = { ...defaults, day: extent.end, layers: metas.filter((m) => m.style?.visible !== false).map((m) => m.id) };
  let restoring = false;
  let loadedBbox = null;
  let generation = 0;
  let playJustStarted = false;

  const timebar = setupTimebar({
    extent,
    onDay: (day, how) => {
      const done = render(how);
      // playback keeps one history entry for the whole run, pushed at its first frame
      const mode = how === 'play' ? (playJustStarted ? 'push' : 'replace') : how === 'drag' ? 'later' : 'push';
      playJustStarted = false;
      commitUrl(mode);
      return done;
    },
    onWindow: () => { render('window'); commitUrl('push'); },
    onPlay: () => { playJustStarted = true; },
  });

  const currentView = () => {
    const c = map.getCenter();
    return { day: timebar.day(), win: timebar.win(), layers: layers.visibleIds(), center: [c.lat, c.lng], zoom: map.getZoom() };
  };

  let urlTimer = null;
  function commitUrl(mode) {
    if (restoring) return;
    clearTimeout(urlTimer);
    const write = (push) => {
      const q = toQuery(currentView());
      if (q === location.search) return;
      if (push) history.pushState(null, '', q);
      else history.replaceState(null, '', q);
    };
    // A drag or a pan settles before it is worth a history entry.
    if (mode === 'later') urlTimer = setTimeout(() => write(true), 400);
    else write(mode === 'push');
  }

  function timeFor(meta, day) {
    if (meta.kind !== 'event') return { at: isoDay(day) };
    return { from: isoDay(windowStart(day, timebar.win(), extent.start)), to: isoDay(day) };
  }

  /** Loads every visible layer for the current date and view and draws it; superseded renders give up. */
  async function render(reason) {
    const gen = ++generation;
    const t0 = performance.now();
    const bbox = roundBbox(map.getBounds());
    loadedBbox = bbox;
    const day = timebar.day();
    const ids = layers.visibleIds();
    statusEl.textContent = 'loading…';
    const answers = await Promise.allSettled(ids.map((id) => {
      const time = timeFor(layers.entries.get(id).meta, day);
      return time.at ? loader.load(id, time, bbox) : loader.loadWindow(id, time.from, time.to, bbox);
    }));
    if (gen !== generation) return;
    const fetched = performance.now();
    const failures = [];
    answers.forEach((a, i) => {
      if (a.status === 'fulfilled') layers.show(ids[i], a.value);
      else if (!isAbort(a.reason)) failures.push(a.reason.message);
    });
    if (failures.length) notice(failures.join('; '));
    await nextFrame();
    if (gen !== generation) return;
    const ms = performance.now() - t0;
    timings.renders++;
    timings.last = { reason, ms, fetchMs: fetched - t0, drawMs: performance.now() - fetched, day: isoDay(day) };
    if (reason !== 'initial') timings.steps.push(ms);
    const events = metas.filter((m) => m.kind === 'event' && layers.isVisible(m.id))
      .reduce((n, m) => n + layers.drawnCount(m.id), 0);
    statusEl.textContent = `${events} event${events === 1 ? '' : 's'}`;
    app.dataset.renderedDay = isoDay(day);
    app.dataset.renders = String(timings.renders);
    tools?.update();
    window.dispatchEvent(new CustomEvent('frontline:view', { detail: {
      day: isoDay(day), from: isoDay(windowStart(day, timebar.win(), extent.start)), bbox } }));
  }

  function applyView(search, reportProblems) {
    const { view, problems } = resolveView(search, { layerIds: metas.map((m) => m.id), extent, defaults: fullDefaults });
    if (reportProblems && problems.length) {
      notice(`This link could not be followed exactly — ${problems.join('; ')}. Showing the default view for those.`);
    }
    restoring = true;
    for (const m of metas) layers.setVisible(m.id, view.layers.includes(m.id));
    timebar.setWindow(view.win);
    timebar.setDay(view.day, 'silent');
    map.setView(view.center, view.zoom, { animate: false });
    restoring = false;
    return problems;
  }

  let tools = null;
  layers.renderPanel(document.getElementById('layer-list'));
  const problems = applyView(location.search, true);
  timings.layersReady = performance.now();
  await Promise.all([render('initial'), basemapReady]);
  timings.firstPaint = performance.now();
  app.dataset.ready = 'true';
  // Normalise the address so a garbled link is not reported again on reload.
  if (problems.length || !location.search) history.replaceState(null, '', toQuery(currentView()));

  map.on('moveend', () => {
    if (restoring) return;
    if (!bboxContains(loadedBbox, map.getBounds())) render('move');
    commitUrl('later');
  });
  window.addEventListener('popstate', () => {
    clearTimeout(urlTimer);
    timebar.stop();
    applyView(location.search, false);
    render('history');
  });

  tools = setupTools({ map, metas, extent, day: () => timebar.day(), notice });
  addMapTools(map, {
    date: () => document.getElementById('date-label').textContent,
    sources: () => [...new Set([...layers.loadedFeatures()].filter(({ meta }) => layers.isVisible(meta.id))
      .flatMap(({ feature }) => String(feature.properties?.sourcePublisher ?? '').split(';'))
      .map((s) => s.trim()).filter(Boolean))].sort(),
    legend: () => {
      const ul = document.createElement('ul');
      for (const li of document.querySelectorAll('#layer-list .layer-item')) {
        if (li.querySelector('input')?.checked) ul.append(li.cloneNode(true));
      }
      return ul;
    },
  });
  layers.popupActions = tools.popupActions;

  setupSearch({
    map,
    input: document.getElementById('search'),
    list: document.getElementById('search-results'),
    places: () => places,
    layers,
  });

  // For tests and the bench: read-only looks at what is drawn, and a way to move the date.
  window.__frontline = {
    map,
    view: () => ({ ...currentView(), at: isoDay(timebar.day()) }),
    drawnCount: (id) => layers.drawnCount(id),
    drawnIds: (id) => [...(layers.entries.get(id)?.drawn.values() ?? [])].map((l) => l.feature.id),
    eventLatLng: (id) => layers.findDrawn(id)?.layer.getLatLng?.(),
    setDate: (iso) => timebar.setDay(parseDay(iso), 'step'),
    requests: () => loader.requests,
    aborted: () => loader.aborted,
    clearCache: () => loader.clear(),
  };
}

main().catch((e) => notice(`The map failed to start: ${e.message}`));
