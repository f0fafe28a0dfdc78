// node --test src/test/js: frontend/js/style.js against the shared table (LayerStyleTest runs the same rows in Java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as style from '../../../frontend/js/style.js';

const table = JSON.parse(readFileSync(new URL('../resources/style/cases.json', import.meta.url), 'utf8'));

for (const c of table.cases) {
  test(c.name, () => {
    const got = style.look(c.layer, c.props);
    for (const [key, want] of Object.entries(c.expect)) {
      if (typeof want === 'number') assert.ok(Math.abs(got[key] - want) < 1e-9, `${key}: ${got[key]} != ${want}`);
      else assert.equal(got[key], want, key);
    }
    const warned = style.warnings(c.layer);
    assert.equal(warned.length, c.warnings.length, `warnings: ${JSON.stringify(warned)}`);
    c.warnings.forEach((w, i) => assert.ok(warned[i].includes(w), `${warned[i]} lacks ${w}`));
  });
}

test('legend lists the style table, then values seen in the data', () => {
  const meta = { id: 'control', kind: 'area', style: { byProperty: 'party', colors: { government: '#d55e00' } } };
  assert.deepEqual(style.legendEntries(meta, ['sdf']).map((e) => e.value), ['government', 'sdf']);
  assert.equal(style.legendEntries({ id: 'posts', kind: 'point', style: {} }, [])[2].symbol, 'square');
});

test('the palette tables are the shared ones', () => {
  const p = table.palette;
  assert.equal(style.FALLBACK, p.fallback);
  assert.deepEqual(style.PALETTE, p.palette);
  assert.deepEqual(style.KNOWN, p.known);
  assert.deepEqual(style.KNOWN_SYMBOLS, p.knownSymbols);
  const { rings, ...overlay } = style.OVERLAY;
  assert.deepEqual(overlay, p.overlay);
  assert.deepEqual(rings, p.known.status);
});
