// Review queue: list pending candidate events, show each with its source text highlighted and a small map,
// and let an analyst accept, edit or reject it. All report text goes into the page as text nodes.

import { addBasemap } from './basemap.js';
import { el } from './dom.js';
import { csrfToken, problemMessage } from './http.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
let map;
let marker;
let current = null;


async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const detail = problemMessage(data, res);
    const hint = res.status === 401 || res.status === 403 ? ' (sign in as an analyst)' : '';
    throw new Error(`${res.status}: ${detail}${hint}`);
  }
  return data;
}

async function loadQueue(selectId) {
  const list = $('candidates');
  let items;
  try {
    items = await api('GET', '/api/reports/candidates?status=pending&limit=200');
  } catch (e) {
    list.replaceChildren(el('li', null, `Cannot load the queue: ${e.message}`));
    return;
  }
  $('queue-count').textContent = `(${items.length})`;
  list.replaceChildren(...items.map((c) => {
    const li = el('li');
    li.dataset.id = c.id;
    li.append(el('span', 'type', `${c.subEventType || c.eventType} — ${c.placeName}`),
      el('span', 'sub', `${c.date} (${c.timePrecision}) · confidence ${c.confidence} · report ${c.reportId}`));
    li.addEventListener('click', () => select(c));
    return li;
  }));
  const next = items.find((c) => c.id === selectId) || items[0];
  if (next) {
    await select(next);
  } else {
    $('detail').hidden = true;
    current = null;
    list.replaceChildren(el('li', null, 'No candidate events are waiting for review.'));
  }
}

async function select(c) {
  current = c;
  for (const li of $('candidates').children) li.classList.toggle('selected', li.dataset.id === String(c.id));
  $('detail').hidden = false;
  $('detail-title').textContent = `${c.eventType} / ${c.subEventType || ''}`;
  $('detail-meta').textContent = [c.reportTitle, c.reportPublisher, c.reportPublished && `published ${c.reportPublished}`,
    c.actors && `actors: ${c.actors}`].filter(Boolean).join(' · ');
  fillForm(c);
  showMap(c);
  const report = await api('GET', `/api/reports/${c.reportId}`);
  showSource(report.text, c.spanStart, c.spanEnd);
  showUnresolved(report.unresolved || [], c.reportId);
}

/** Names the parser found no gazetteer entry for; each can be taught at the form's Lat/Lon. */
function showUnresolved(items, reportId) {
  $('unresolved').hidden = items.length === 0;
  $('unresolved-status').textContent = '';
  $('unresolved-list').replaceChildren(...items.map((u) => {
    const li = el('li');
    li.append(el('strong', u.text));
    if (u.area) li.append(` — ${u.cue || 'near'} ${u.area}`);
    const teach = el('button', 'Teach gazetteer');
    teach.type = 'button';
    teach.addEventListener('click', () => learn(u, reportId, li));
    li.append(' ', teach);
    return li;
  }));
}

async function learn(u, reportId, li) {
  const lat = parseFloat($('f-lat').value);
  const lon = parseFloat($('f-lon').value);
  try {
    const e = await api('POST', '/api/gazetteer/entries', { name: u.text, lat, lon, reportId });
    $('unresolved-status').textContent = `Learned “${e.name}” at ${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}.`;
    li.remove();
  } catch (err) {
    $('unresolved-status').textContent = err.message;
  }
}

function showSource(text, start, end) {
  // a little context either side of the span, built from text nodes only
  const from = Math.max(0, start - 300);
  const to = Math.min(text.length, end + 300);
  const q = $('source-text');
  q.replaceChildren((from > 0 ? '… ' : '') + text.slice(from, start), el('mark', null, text.slice(start, end)),
    text.slice(end, to) + (to < text.length ? ' …' : ''));
}

function fillForm(c) {
  $('f-place').value = c.placeName;
  $('f-lat').value = c.lat;
  $('f-lon').value = c.lon;
  $('f-date').value = c.date;
  $('f-precision').value = c.timePrecision;
  $('f-type').value = c.eventType;
  $('f-subtype').value = c.subEventType || '';
  $('f-fatalities').value = c.fatalities ?? '';
  $('f-displaced').value = c.displaced ?? '';
}

function showMap(c) {
  if (!map) {
    map = L.map('review-map');
    // the same basemap as the main map: offline outlines unless a tile server is configured
    addBasemap(map, { tilesUrl: document.body.dataset.tilesUrl, tilesAttribution: document.body.dataset.tilesAttribution })
      .catch((e) => { $('action-status').textContent = `Basemap: ${e.message}`; });
  }
  const at = [c.lat, c.lon];
  if (marker) marker.remove();
  marker = L.marker(at, { draggable: true, title: c.placeName }).addTo(map);
  // the analyst moves the point by dragging; the form follows
  marker.on('dragend', () => {
    const p = marker.getLatLng();
    $('f-lat').value = p.lat.toFixed(5);
    $('f-lon').value = p.lng.toFixed(5);
  });
  map.setView(at, c.geoPrecision === 'admin' ? 8 : 11);
}

function edits() {
  const num = (id) => ($(id).value === '' ? null : Number($(id).value));
  return {
    placeName: $('f-place').value, lat: num('f-lat'), lon: num('f-lon'), date: $('f-date').value || null,
    timePrecision: $('f-precision').value, eventType: $('f-type').value, subEventType: $('f-subtype').value || null,
    fatalities: num('f-fatalities'), displaced: num('f-displaced'),
  };
}

function changed(e, c) {
  const out = {};
  for (const [k, v] of Object.entries(e)) {
    const was = c[k === 'date' ? 'date' : k];
    if (v !== null && String(v) !== String(was ?? '')) out[k] = v;
  }
  return out;
}

async function act(kind) {
  if (!current) return;
  const status = $('action-status');
  status.textContent = '…';
  try {
    const id = current.id;
    if (kind === 'save') {
      current = await api('PUT', `/api/reports/candidates/${id}`, changed(edits(), current));
      status.textContent = 'Saved.';
      await loadQueue(id);
    } else if (kind === 'accept') {
      const done = await api('POST', `/api/reports/candidates/${id}/accept`, changed(edits(), current));
      await loadQueue();
      // said only once the next candidate is on screen, so the buttons act on what is shown
      status.textContent = `Accepted as event ${done.featureId}.`;
    } else {
      await api('POST', `/api/reports/candidates/${id}/reject`);
      await loadQueue();
      status.textContent = 'Rejected.';
    }
  } catch (e) {
    status.textContent = e.message;
  }
}

async function submitReport(ev) {
  ev.preventDefault();
  const status = $('submit-status');
  status.textContent = 'Parsing…';
  try {
    const res = await api('POST', '/api/reports', {
      text: $('report-text').value, published: $('report-published').value,
      publisher: $('report-publisher').value || null, url: $('report-url').value || null,
    });
    const n = res.reports.reduce((a, r) => a + r.candidates, 0);
    status.textContent = `Stored; ${n} candidate event(s) queued.`;
    $('report-text').value = '';
    await loadQueue();
  } catch (e) {
    status.textContent = e.message;
  }
}

$('accept').addEventListener('click', () => act('accept'));
$('save').addEventListener('click', () => act('save'));
$('reject').addEventListener('click', () => act('reject'));
$('report-form').addEventListener('submit', submitReport);
loadQueue();
