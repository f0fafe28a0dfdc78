#!/usr/bin/env node
// Builds the Idlib 2018-2020 demo scenario layers in ../demo from the hand-written
// source coordinates in ./sources, then validates what it wrote.
//
//   cd geodata/tools && npm install && node build-demo.mjs
//
// Everything here is an illustrative reconstruction with approximate positions.
// Geometry: @turf/turf (union / intersect / difference / buffer / rewind / booleanValid).
// Output: RFC 7946 GeoJSON (EPSG:4326, [lon, lat], CCW exterior rings, no "crs"),
// coordinates rounded to 5 decimals.

import * as turf from '@turf/turf';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(HERE, 'sources');
const OUT = path.join(HERE, '..', 'demo');

const DESCRIPTION =
  'Illustrative reconstruction; positions approximate. Written for the Frontline demo from public ' +
  'reporting (see geodata/demo/README.md); not an authoritative map of control, boundaries or events.';

const readSource = (name) => JSON.parse(fs.readFileSync(path.join(SRC, name), 'utf8'));

// ---------------------------------------------------------------- helpers

const r5 = (x) => Math.round(x * 1e5) / 1e5;

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [r5(x), r5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

function roundGeometry(g) {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: g.coordinates.map(r5) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map((c) => c.map(r5)) };
    case 'Polygon': {
      const rings = g.coordinates.map(roundRing);
      if (!rings[0]) return null;
      return { type: 'Polygon', coordinates: rings.filter(Boolean) };
    }
    case 'MultiPolygon': {
      const polys = g.coordinates
        .map((p) => roundGeometry({ type: 'Polygon', coordinates: p }))
        .filter(Boolean)
        .map((p) => p.coordinates);
      if (polys.length === 0) return null;
      return polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0] }
        : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}

// Round, then rewind to RFC 7946 winding (exterior CCW, holes CW).
function finishGeometry(g) {
  const rounded = roundGeometry(g);
  if (!rounded) throw new Error('geometry vanished when rounded');
  return turf.rewind(turf.feature(rounded), { reverse: false }).geometry;
}

const fc = (features) => turf.featureCollection(features);
const union = (a, b) => turf.union(fc([a, b]));
const intersect = (a, b) => turf.intersect(fc([a, b]));
const difference = (a, b) => turf.difference(fc([a, b]));
const areaKm2 = (f) => (f ? turf.area(f) / 1e6 : 0);

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function firstOfNextMonth(iso) {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}
function firstOfMonth(iso) {
  return `${iso.slice(0, 7)}-01`;
}

// Feature with a top-level id and the same id among the flat properties.
function makeFeature(id, geometry, properties) {
  const props = id ? { id, ...properties } : { ...properties };
  for (const k of Object.keys(props)) if (props[k] === undefined) delete props[k];
  const f = { type: 'Feature', geometry, properties: props };
  if (id) f.id = id;
  return f;
}

function writeCollection(file, name, features) {
  const out = { type: 'FeatureCollection', name, description: DESCRIPTION, features };
  // One feature per line: compact coordinates, readable diffs.
  const head = JSON.stringify({ type: out.type, name, description: DESCRIPTION }, null, 1).slice(0, -2);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  fs.writeFileSync(path.join(OUT, file), `${head},\n "features": [\n${body}\n]}\n`);
  return out;
}

// ---------------------------------------------------------------- governorates

const govSrc = readSource('governorates.json');

function assembleRing(parts, arcs) {
  const ring = [];
  for (const [name, reversed] of parts) {
    const arc = arcs[name];
    if (!arc) throw new Error(`unknown arc ${name}`);
    const pts = reversed ? [...arc].reverse() : arc;
    for (const p of pts) {
      const last = ring[ring.length - 1];
      if (last && last[0] === p[0] && last[1] === p[1]) continue;
      ring.push(p);
    }
  }
  const [f, l] = [ring[0], ring[ring.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) throw new Error(`ring of arcs ${parts.map((p) => p[0])} does not close`);
  return ring;
}

const govPolys = govSrc.governorates.map((g) => ({
  src: g,
  poly: turf.polygon([assembleRing(g.ring, govSrc.arcs)]),
}));

const govFeatures = govPolys.map(({ src, poly }) =>
  makeFeature(src.id, finishGeometry(poly.geometry), {
    name: src.name,
    kind: 'governorate',
    validFrom: '2011-01-01',
    sourcePublisher: 'Frontline demo (hand-drawn after UN OCHA administrative boundary maps)',
    sourceUrl: src.wikipedia,
    sourceDate: '2019-01-01',
    confidence: 'low',
    geoPrecision: 'admin',
    timePrecision: 'year',
  }),
);

// Study region: union of the four governorates, minus Turkey (not in the union), cut by the focus polygon.
let govUnion = govPolys[0].poly;
for (const { poly } of govPolys.slice(1)) govUnion = union(govUnion, poly);
const focus = turf.polygon([govSrc.studyFocus.ring]);
const study = intersect(govUnion, focus);

// ---------------------------------------------------------------- control areas

const ctlSrc = readSource('control.json');

function frontLine(version) {
  const pts = [];
  for (const seg of version.front) {
    const s = ctlSrc.segments[seg];
    if (!s) throw new Error(`unknown segment ${seg}`);
    for (const p of s) {
      const last = pts[pts.length - 1];
      if (last && last[0] === p[0] && last[1] === p[1]) continue;
      pts.push(p);
    }
  }
  return pts;
}

const controlVersions = [];
const controlFeatures = [];
ctlSrc.versions.forEach((v, i) => {
  const front = frontLine(v);
  const ring = [...front, ...ctlSrc.closingVia, front[0]];
  const pocket = turf.polygon([ring]);
  const kinks = turf.kinks(pocket).features.length;
  if (kinks) throw new Error(`pocket outline of ${v.date} self-intersects (${kinks} kinks)`);
  const oppRaw = intersect(pocket, study);
  const opp = turf.feature(finishGeometry(oppRaw.geometry));
  const govRaw = difference(study, opp);
  const gov = turf.feature(finishGeometry(govRaw.geometry));
  const validTo = ctlSrc.versions[i + 1]?.date;
  const common = {
    validFrom: v.date,
    validTo,
    label: v.label,
    sourcePublisher: v.sourcePublisher,
    sourceDate: v.sourceDate,
    confidence: v.confidence,
    geoPrecision: 'near',
    timePrecision: 'day',
  };
  controlFeatures.push(
    makeFeature('control-opposition', opp.geometry, {
      name: 'Opposition-held Idlib pocket (HTS and Turkey-backed factions)',
      party: 'opposition',
      ...common,
      areaKm2: Math.round(areaKm2(opp)),
    }),
    makeFeature('control-government', gov.geometry, {
      name: 'Government-held area (study region)',
      party: 'government',
      ...common,
      areaKm2: Math.round(areaKm2(gov)),
    }),
  );
  controlVersions.push({ date: v.date, validTo, front, opp, gov });
});

// ---------------------------------------------------------------- zones

const zoneSrc = readSource('zones.json');
const sochi = controlVersions.find((c) => c.date === zoneSrc.dmz.contactLineDate);
// Contact line: the front of that date without its first vertex, which lies inside Turkey.
const contactLine = turf.lineString(sochi.front.slice(1));
const dmzBand = intersect(
  turf.buffer(contactLine, zoneSrc.dmz.depthKm, { units: 'kilometers', steps: 16 }),
  sochi.opp,
);
const m4 = turf.lineString(zoneSrc.m4.line);
const corridor = turf.buffer(m4, zoneSrc.m4.halfWidthKm, { units: 'kilometers', steps: 16 });

const zoneFeatures = [
  makeFeature('zone-sochi-dmz', finishGeometry(dmzBand.geometry), {
    name: 'Sochi demilitarised zone (as agreed, 17 September 2018)',
    zoneType: 'dmz',
    depthKm: zoneSrc.dmz.depthKm,
    derivation: `opposition area of ${zoneSrc.dmz.contactLineDate} within ${zoneSrc.dmz.depthKm} km of that day's contact line`,
    validFrom: '2018-09-17',
    validTo: zoneSrc.dmz.validTo,
    sourcePublisher: 'Reuters; Crisis Group',
    sourceDate: '2018-09-17',
    confidence: 'medium',
    geoPrecision: 'near',
    timePrecision: 'day',
  }),
  makeFeature('zone-m4-corridor', finishGeometry(corridor.geometry), {
    name: 'M4 security corridor (Moscow protocol, 5 March 2020)',
    zoneType: 'security-corridor',
    halfWidthKm: zoneSrc.m4.halfWidthKm,
    derivation: `M4 from Tronba to Ain al-Hawr buffered ${zoneSrc.m4.halfWidthKm} km each side`,
    validFrom: '2020-03-05',
    sourcePublisher: 'Reuters; Turkish Ministry of National Defence',
    sourceDate: '2020-03-05',
    confidence: 'medium',
    geoPrecision: 'near',
    timePrecision: 'day',
  }),
];

// ---------------------------------------------------------------- routes
// The Moscow protocol's joint patrols (point 3) run along the same M4 polyline, Tronba to Ain al-Hawr.
const routeFeatures = [
  makeFeature('route-m4-patrol', { type: 'LineString', coordinates: zoneSrc.m4.line }, {
    name: 'Joint Russian-Turkish patrol route on the M4 (Tronba to Ain al-Hawr)',
    routeType: 'joint-patrol',
    derivation: 'the M4 polyline of the security corridor, from Tronba (west of Saraqib) to Ain al-Hawr',
    validFrom: '2020-03-15',
    sourcePublisher: 'PA-X Peace Agreements Database (University of Edinburgh); Turkish Ministry of National Defence',
    sourceUrl: 'https://pax.peaceagreements.org/agreements/2273',
    sourceDate: '2020-03-05',
    confidence: 'medium',
    geoPrecision: 'near',
    timePrecision: 'day',
  }),
];

// ---------------------------------------------------------------- observation posts

const postSrc = readSource('posts.json');
const postFeatures = [];
for (const p of postSrc.posts) {
  const id = `post-${String(p.n).padStart(2, '0')}`;
  p.statuses.forEach(([status, from], i) => {
    const next = p.statuses[i + 1];
    postFeatures.push(
      makeFeature(id, finishGeometry(turf.point(p.lonlat).geometry), {
        name: `Turkish observation post ${p.n} – ${p.name}`,
        postNumber: p.n,
        placeName: p.name,
        governorate: p.gov,
        founded: p.founded,
        status,
        validFrom: from,
        validTo: next ? next[1] : undefined,
        sourcePublisher: p.sourcePublisher,
        sourceUrl: p.wikipedia,
        sourceDate: from,
        confidence: p.confidence,
        geoPrecision: 'near',
        timePrecision: i === 0 ? p.foundedPrecision : p.confidence === 'low' ? 'week' : 'day',
      }),
    );
  });
}

// ---------------------------------------------------------------- events

const evSrc = readSource('events.json');
const events = evSrc.events
  .map((e, i) => ({ ...e, order: i }))
  .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
const eventFeatures = events.map((e, i) => {
  let validFrom = e.date;
  let validTo = e.validTo;
  if (!validTo) {
    if (e.timePrecision === 'day') validTo = addDays(e.date, 1);
    else if (e.timePrecision === 'week') validTo = addDays(e.date, 7);
    else if (e.timePrecision === 'month') {
      validFrom = firstOfMonth(e.date);
      validTo = firstOfNextMonth(e.date);
    } else throw new Error(`event ${e.title}: unknown timePrecision`);
  }
  return makeFeature(`ev-${String(i + 1).padStart(3, '0')}`, finishGeometry(turf.point(e.lonlat).geometry), {
    name: e.title,
    title: e.title,
    eventType: e.eventType,
    subEventType: e.subEventType,
    actor1: e.actor1,
    actor2: e.actor2,
    fatalities: e.fatalities,
    displaced: e.displaced,
    notes: e.notes,
    placeName: e.placeName,
    validFrom,
    validTo,
    sourcePublisher: e.sourcePublisher,
    sourceUrl: e.sourceUrl,
    sourceDate: e.sourceDate,
    confidence: e.confidence,
    geoPrecision: e.geoPrecision,
    timePrecision: e.timePrecision,
  });
});

// ---------------------------------------------------------------- layers.json

const layers = [
  {
    id: 'governorates', title: 'Governorates', kind: 'area', file: 'governorates.geojson',
    style: { color: '#555555', weight: 1.5, dashArray: '4 3', fillOpacity: 0 },
  },
  {
    id: 'control', title: 'Control areas', kind: 'area', file: 'control.geojson',
    style: {
      color: '#7f8c8d', weight: 1, fillOpacity: 0.35, byProperty: 'party',
      colors: { government: '#d55e00', opposition: '#009e73' },
    },
  },
  {
    id: 'zones', title: 'Zones', kind: 'area', file: 'zones.geojson',
    style: {
      color: '#e69f00', weight: 2, fillOpacity: 0.15, dashArray: '6 4', byProperty: 'zoneType',
      colors: { dmz: '#e69f00', 'security-corridor': '#882255' },
    },
  },
  {
    id: 'posts', title: 'Turkish observation posts', kind: 'point', file: 'posts.geojson',
    style: {
      color: '#1f3a93', radius: 7, fillOpacity: 0.9, byProperty: 'status',
      colors: { open: '#0072b2', threatened: '#e69f00', surrounded: '#882255' },
    },
  },
  {
    id: 'routes', title: 'Routes', kind: 'line', file: 'routes.geojson',
    style: { color: '#882255', weight: 3, dashArray: '8 5', byProperty: 'routeType', colors: { 'joint-patrol': '#882255' } },
  },
  {
    id: 'events', title: 'Events', kind: 'event', file: 'events.geojson',
    style: {
      color: '#333333', radius: 5, fillOpacity: 0.85, byProperty: 'eventType',
      colors: {
        Battles: '#e69f00',
        'Explosions/Remote violence': '#332288',
        'Violence against civilians': '#cc79a7',
        'Strategic developments': '#7f7f7f',
        Protests: '#56b4e9',
      },
    },
  },
];

// ---------------------------------------------------------------- write

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'layers.json'), JSON.stringify(layers, null, 2) + '\n');
const written = {
  'governorates.geojson': writeCollection('governorates.geojson', 'governorates', govFeatures),
  'control.geojson': writeCollection('control.geojson', 'control', controlFeatures),
  'zones.geojson': writeCollection('zones.geojson', 'zones', zoneFeatures),
  'posts.geojson': writeCollection('posts.geojson', 'posts', postFeatures),
  'routes.geojson': writeCollection('routes.geojson', 'routes', routeFeatures),
  'events.geojson': writeCollection('events.geojson', 'events', eventFeatures),
};

// ---------------------------------------------------------------- validate (re-read from disk)

const problems = [];
const warnings = [];
const fail = (m) => problems.push(m);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONF = new Set(['high', 'medium', 'low']);
const GEOP = new Set(['exact', 'near', 'admin']);
const TIMEP = new Set(['day', 'week', 'month', 'year']);

function signedArea(ring) {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}
function polygonsOf(g) {
  return g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
}

const loaded = {};
for (const file of Object.keys(written)) {
  const data = JSON.parse(fs.readFileSync(path.join(OUT, file), 'utf8'));
  loaded[file] = data;
  if (data.type !== 'FeatureCollection') fail(`${file}: not a FeatureCollection`);
  if (data.crs) fail(`${file}: has a crs member`);
  if (!/Illustrative reconstruction/.test(data.description || '')) fail(`${file}: description missing`);
  data.features.forEach((f, i) => {
    const p = f.properties;
    const where = `${file}#${i} (${f.id ?? p.name})`;
    if (typeof p.name !== 'string' || !p.name) fail(`${where}: no name`);
    if (!DATE.test(p.validFrom || '')) fail(`${where}: bad validFrom`);
    if (p.validTo != null && (!DATE.test(p.validTo) || p.validTo <= p.validFrom)) fail(`${where}: bad validTo`);
    if (typeof p.sourcePublisher !== 'string' || !p.sourcePublisher) fail(`${where}: no sourcePublisher`);
    if (!DATE.test(p.sourceDate || '')) fail(`${where}: bad sourceDate`);
    if (p.sourceUrl != null && !/^https:\/\//.test(p.sourceUrl)) fail(`${where}: bad sourceUrl`);
    if (!CONF.has(p.confidence)) fail(`${where}: bad confidence`);
    if (!GEOP.has(p.geoPrecision)) fail(`${where}: bad geoPrecision`);
    if (!TIMEP.has(p.timePrecision)) fail(`${where}: bad timePrecision`);
    const g = f.geometry;
    const flat = JSON.stringify(g.coordinates).match(/-?\d+\.\d+/g) || [];
    if (flat.some((n) => n.split('.')[1].length > 5)) fail(`${where}: more than 5 decimals`);
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      if (!turf.booleanValid(f)) fail(`${where}: invalid polygon`);
      for (const poly of polygonsOf(g)) {
        if (signedArea(poly[0]) <= 0) fail(`${where}: exterior ring not CCW`);
        for (const hole of poly.slice(1)) if (signedArea(hole) >= 0) fail(`${where}: hole not CW`);
      }
    }
    if (g.type === 'Point') {
      const [x, y] = g.coordinates;
      if (x < 35 || x > 39 || y < 34 || y > 37.5) fail(`${where}: point outside the area (lon/lat swapped?)`);
      if (!turf.booleanPointInPolygon(turf.point(g.coordinates), study)) warnings.push(`${where}: point outside the study region`);
    }
  });
  // versions of one id must not overlap in valid time
  const byId = new Map();
  for (const f of data.features) if (f.id) (byId.get(f.id) ?? byId.set(f.id, []).get(f.id)).push(f.properties);
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i - 1].validTo == null || sorted[i - 1].validTo > sorted[i].validFrom) fail(`${file}: versions of ${id} overlap`);
    }
  }
}

// control: complement and no overlap at every date
const studyArea = areaKm2(study);
const control = loaded['control.geojson'].features;
const dates = [...new Set(control.map((f) => f.properties.validFrom))].sort();
const controlSummary = [];
for (const d of dates) {
  const opp = control.find((f) => f.properties.validFrom === d && f.properties.party === 'opposition');
  const gov = control.find((f) => f.properties.validFrom === d && f.properties.party === 'government');
  if (!opp || !gov) { fail(`control ${d}: missing a party`); continue; }
  const overlap = areaKm2(intersect(opp, gov));
  const both = union(opp, gov);
  const gap = Math.abs(areaKm2(both) - studyArea);
  const sym = areaKm2(difference(study, both)) + areaKm2(difference(both, study));
  if (overlap > 0.01) fail(`control ${d}: government and opposition overlap by ${overlap.toFixed(4)} km2`);
  if (gap > 0.05 || sym > 0.05) fail(`control ${d}: union differs from study region (|dA|=${gap.toFixed(4)}, sym=${sym.toFixed(4)} km2)`);
  controlSummary.push({ d, opp: areaKm2(opp), gov: areaKm2(gov), overlap, sym });
}
if (dates.length < 6) fail(`only ${dates.length} control dates`);
for (const req of ['2018-09-17', '2019-04-30', '2019-08-23', '2019-12-31', '2020-02-06', '2020-03-05']) {
  if (!dates.includes(req)) fail(`control: required date ${req} missing`);
}

// places that must be on a given side at a given date
const partyAt = (date, lonlat) => {
  const d = dates.filter((x) => x <= date).pop();
  const f = control.find((c) => c.properties.validFrom === d && turf.booleanPointInPolygon(turf.point(lonlat), c));
  return f ? f.properties.party : 'none';
};
const checks = [
  ['Idlib city', [36.633, 35.93], '2020-03-05', 'opposition'],
  ['Jisr al-Shughur', [36.317, 35.813], '2020-03-05', 'opposition'],
  ['Ariha', [36.607, 35.813], '2020-03-05', 'opposition'],
  ['Sarmada', [36.717, 36.18], '2020-03-05', 'opposition'],
  ['Saraqib', [36.8, 35.862], '2020-03-05', 'government'],
  ['Saraqib', [36.8, 35.862], '2020-02-06', 'government'],
  ['Saraqib', [36.8, 35.862], '2020-02-27', 'opposition'],
  ['Saraqib', [36.8, 35.862], '2020-01-29', 'opposition'],
  ['Maarat al-Numan', [36.676, 35.644], '2019-12-31', 'opposition'],
  ['Maarat al-Numan', [36.676, 35.644], '2020-01-29', 'government'],
  ['Khan Shaykhun', [36.638, 35.442], '2019-04-30', 'opposition'],
  ['Khan Shaykhun', [36.638, 35.442], '2019-08-23', 'government'],
  ['Morek', [36.683, 35.367], '2018-09-17', 'opposition'],
  ['Morek', [36.683, 35.367], '2019-08-23', 'government'],
  ['Latamneh', [36.626, 35.325], '2019-05-26', 'opposition'],
  ['Latamneh', [36.626, 35.325], '2019-08-23', 'government'],
  ['Kafr Zita', [36.6, 35.374], '2019-04-30', 'opposition'],
  ['Kafr Zita', [36.6, 35.374], '2019-08-23', 'government'],
  ['Kafr Nabl', [36.56, 35.613], '2020-02-17', 'opposition'],
  ['Kafr Nabl', [36.56, 35.613], '2020-03-05', 'government'],
  ['Qalaat al-Madiq', [36.39, 35.413], '2019-04-30', 'opposition'],
  ['Qalaat al-Madiq', [36.39, 35.413], '2019-05-26', 'government'],
  ['Kafr Nabuda', [36.508, 35.425], '2018-09-17', 'opposition'],
  ['Kafr Nabuda', [36.508, 35.425], '2019-05-26', 'government'],
  ['Hama city', [36.75, 35.132], '2018-09-17', 'government'],
  ['Aleppo city', [37.16, 36.202], '2018-09-17', 'government'],
  ['Balyun', [36.53, 35.69], '2020-03-05', 'opposition'],
];
for (const [name, ll, date, want] of checks) {
  const got = partyAt(date, ll);
  if (got !== want) fail(`${name} at ${date}: expected ${want}, got ${got}`);
}
// governorate membership sanity
const inGov = (ll) => govFeatures.find((g) => turf.booleanPointInPolygon(turf.point(ll), g))?.properties.name ?? 'none';
for (const [name, ll, want] of [
  ['Idlib city', [36.633, 35.93], 'Idlib'], ['Khan Shaykhun', [36.638, 35.442], 'Idlib'],
  ['Morek', [36.683, 35.367], 'Hama'], ['Harim', [36.518, 36.2], 'Idlib'], ['Jisr al-Shughur', [36.317, 35.813], 'Idlib'],
  ['Aleppo city', [37.16, 36.202], 'Aleppo'], ['Hama city', [36.75, 35.132], 'Hama'], ['Latakia city', [35.79, 35.52], 'Latakia'],
  ['Atarib', [36.83, 36.14], 'Aleppo'], ['Sarmada', [36.717, 36.18], 'Idlib'], ['Ain al-Hawr', [36.22, 35.73], 'Latakia'],
]) {
  const got = inGov(ll);
  if (got !== want) fail(`${name}: expected in ${want} governorate, got ${got}`);
}
const idlib = govFeatures.find((g) => g.properties.name === 'Idlib');
if (idlib.geometry.coordinates[0].length - 1 < 40) fail('Idlib outline has fewer than 40 vertices');

// posts: status consistent with control at every control date
const posts = loaded['posts.geojson'].features;
const postIds = new Set(posts.map((f) => f.id));
if (postIds.size !== 12) fail(`expected 12 posts, got ${postIds.size}`);
for (const d of dates) {
  for (const f of posts) {
    const p = f.properties;
    if (p.validFrom > d || (p.validTo != null && p.validTo <= d)) continue;
    const party = partyAt(d, f.geometry.coordinates);
    if (p.status === 'surrounded' && party !== 'government') fail(`${f.id} ${p.placeName} surrounded at ${d} but in ${party} area`);
    if (p.status === 'open' && party !== 'opposition') fail(`${f.id} ${p.placeName} open at ${d} but in ${party} area`);
  }
}

// events: territorial changes land on the right side of the next control version
const evs = loaded['events.geojson'].features;
if (evs.length < 45) fail(`only ${evs.length} events`);
for (const f of evs) {
  const p = f.properties;
  const next = dates.find((d) => d >= p.validFrom);
  if (!next) continue;
  const party = partyAt(next, f.geometry.coordinates);
  if (p.subEventType === 'Government regains territory' && party !== 'government') warnings.push(`${f.id} ${p.title}: not in government area on ${next} (fine if the gain was short-lived)`);
  if (p.subEventType === 'Non-state actor overtakes territory' && party !== 'opposition') warnings.push(`${f.id} ${p.title}: not in opposition area on ${next} (fine if the gain was short-lived)`);
}

// ---------------------------------------------------------------- summary

console.log('Frontline demo data written to', path.relative(process.cwd(), OUT) || OUT);
console.log(`  layers.json            ${layers.length} layers`);
for (const [file, data] of Object.entries(loaded)) {
  const ids = new Set(data.features.map((f) => f.id ?? f.properties.name));
  console.log(`  ${file.padEnd(22)} ${String(data.features.length).padStart(3)} features, ${ids.size} ids`);
}
console.log(`  study region ${studyArea.toFixed(0)} km2; control dates: ${dates.length}`);
for (const c of controlSummary) {
  console.log(`    ${c.d}  opposition ${c.opp.toFixed(0).padStart(6)} km2  government ${c.gov.toFixed(0).padStart(6)} km2  overlap ${c.overlap.toFixed(4)}  gap ${c.sym.toFixed(4)}`);
}
console.log(`  DMZ ${areaKm2(zoneFeatures[0]).toFixed(0)} km2, M4 corridor ${areaKm2(zoneFeatures[1]).toFixed(0)} km2`);
for (const w of warnings) console.log('  warning:', w);
if (problems.length) {
  for (const p of problems) console.error('  PROBLEM:', p);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('  all checks passed');
