// Builds the offline basemap (../land.geojson, ../borders.geojson, ../places.geojson) from Natural Earth
// 1:50m (public domain) as packaged by world-atlas, clipped to the region the app is about so the files stay
// small, plus the place labels listed below. Run: npm install && npm run build.
import { readFileSync, writeFileSync } from 'node:fs';
import { mesh, merge } from 'topojson-client';
import bboxClip from '@turf/bbox-clip';

// minLon, minLat, maxLon, maxLat: eastern Mediterranean and the Middle East around Syria
const REGION = [24, 27, 52, 43];
const DIGITS = 3; // ~100 m: finer than a 1:50m source can tell

const here = new URL('.', import.meta.url);
const topo = JSON.parse(readFileSync(new URL('node_modules/world-atlas/countries-50m.json', here)));
const countries = topo.objects.countries;

const round = (c) => (typeof c[0] === 'number' ? c.map((v) => +v.toFixed(DIGITS)) : c.map(round));

function clipped(geojsonFeature) {
  const out = bboxClip(geojsonFeature, REGION);
  const g = out.geometry;
  const rings = g.type === 'MultiPolygon' ? g.coordinates.flat() : g.coordinates;
  const hasShape = rings.some((r) => r.length >= 2);
  if (!hasShape) return null;
  // bbox-clip keeps empty parts; drop them so the files hold only what is drawn
  if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.filter((p) => p.length && p[0].length >= 4);
  if (g.type === 'Polygon') g.coordinates = g.coordinates.filter((r) => r.length >= 4);
  if (g.type === 'MultiLineString') g.coordinates = g.coordinates.filter((l) => l.length >= 2);
  if (g.coordinates.length === 0) return null;
  g.coordinates = round(g.coordinates);
  return out;
}

function write(name, features, source) {
  const fc = { type: 'FeatureCollection', source, features: features.filter(Boolean) };
  writeFileSync(new URL(`../${name}.geojson`, here), JSON.stringify(fc));
  console.log(`${name}.geojson: ${fc.features.length} features`);
}

const SOURCE = 'Natural Earth 1:50m (public domain) via world-atlas 2.0.2';
write('land', [clipped({ type: 'Feature', properties: {}, geometry: merge(topo, countries.geometries) })], SOURCE);
write('borders', [clipped({ type: 'Feature', properties: {},
  geometry: mesh(topo, countries, (a, b) => a !== b) })], SOURCE);

// Place labels: main towns of the worked example and the cities around it (rank 1 = shown from far out).
// Coordinates from public gazetteers, rounded; [name, lat, lon, rank, kind]
const PLACES = [
  ['Damascus', 33.514, 36.277, 1, 'city'], ['Aleppo', 36.202, 37.134, 1, 'city'], ['Homs', 34.731, 36.709, 1, 'city'],
  ['Hama', 35.132, 36.758, 1, 'city'], ['Latakia', 35.532, 35.790, 1, 'city'], ['Idlib', 35.931, 36.634, 1, 'city'],
  ['Beirut', 33.894, 35.502, 1, 'city'], ['Gaziantep', 37.066, 37.383, 1, 'city'], ['Adana', 37.000, 35.321, 1, 'city'],
  ['Raqqa', 35.953, 39.008, 1, 'city'], ['Deir ez-Zor', 35.336, 40.141, 1, 'city'], ['Mosul', 36.335, 43.119, 1, 'city'],
  ['Amman', 31.954, 35.911, 1, 'city'], ['Nicosia', 35.186, 33.382, 1, 'city'], ['Baghdad', 33.315, 44.366, 1, 'city'],
  ['Antakya', 36.202, 36.160, 2, 'town'], ['Tartus', 34.889, 35.887, 2, 'town'], ['Iskenderun', 36.587, 36.174, 2, 'town'],
  ['Tripoli', 34.437, 35.850, 2, 'town'], ['Afrin', 36.512, 36.870, 2, 'town'], ['Azaz', 36.587, 37.046, 2, 'town'],
  ['al-Bab', 36.371, 37.516, 2, 'town'], ['Manbij', 36.528, 37.955, 2, 'town'], ['Hasakah', 36.502, 40.748, 2, 'town'],
  ['Qamishli', 37.052, 41.228, 2, 'town'], ['Palmyra', 34.550, 38.269, 2, 'town'], ['Baniyas', 35.182, 35.940, 2, 'town'],
  ['Jableh', 35.361, 35.926, 2, 'town'], ['Maarat al-Numan', 35.644, 36.672, 2, 'town'], ['Saraqib', 35.864, 36.801, 2, 'town'],
  ['Khan Shaykhun', 35.442, 36.651, 2, 'town'], ['Jisr al-Shughur', 35.812, 36.319, 2, 'town'],
  ['Reyhanli', 36.268, 36.567, 3, 'town'], ['Ariha', 35.813, 36.610, 3, 'town'], ['Morek', 35.379, 36.682, 3, 'town'],
  ['Kafr Nabl', 35.614, 36.560, 3, 'town'], ['Suqaylabiyah', 35.370, 36.390, 3, 'town'],
  ['Qalaat al-Madiq', 35.411, 36.388, 3, 'town'], ['Atarib', 36.139, 36.830, 3, 'town'], ['Sarmada', 36.179, 36.724, 3, 'town'],
  ['Mhardeh', 35.250, 36.567, 3, 'town'], ['Kafr Zita', 35.375, 36.602, 3, 'town'], ['Darat Izza', 36.281, 36.851, 3, 'town'],
  ['Abu al-Duhur', 35.737, 37.052, 3, 'town'], ['Kafr Takharim', 36.116, 36.515, 3, 'town'], ['Binnish', 35.958, 36.713, 3, 'town'],
  ['Taftanaz', 35.996, 36.782, 3, 'town'], ['Hish', 35.547, 36.644, 3, 'town'],
  ['Tell Rifaat', 36.473, 37.097, 3, 'town'], ['al-Eis', 35.993, 37.060, 3, 'town'], ['Zerbah', 36.080, 36.985, 3, 'town'],
];
write('places', PLACES.map(([name, lat, lon, rank, kind]) => ({
    type: 'Feature', properties: { name, rank, kind }, geometry: { type: 'Point', coordinates: [lon, lat] } })),
  'Hand-written list of main towns (coordinates rounded from public gazetteers)');
