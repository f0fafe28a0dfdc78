// The measuring tool's geodesy against published figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { area, distance, mgrs } from '../../../frontend/js/geodesy.js';

test("Vincenty's own test line (Flinders Peak to Buninyong) is 54,972.271 m", () => {
  const flinders = [-(37 + 57 / 60 + 3.72030 / 3600), 144 + 25 / 60 + 29.52440 / 3600];
  const buninyong = [-(37 + 39 / 60 + 10.15610 / 3600), 143 + 55 / 60 + 35.38390 / 3600];
  assert.ok(Math.abs(distance(flinders, buninyong) - 54972.271) < 0.01);
});

test('a 1° × 1° cell at the equator is about 12,308 km²', () => {
  const km2 = area([[0, 0], [0, 1], [1, 1], [1, 0]]) / 1e6;
  assert.ok(Math.abs(km2 - 12308.8) < 15, String(km2));
});

test('MGRS of the origin and of the Washington Monument', () => {
  assert.equal(mgrs(0, 0), '31N AA 66021 00000');
  const wm = mgrs(38.8894838, -77.0352791).split(' ');
  assert.equal(wm.slice(0, 2).join(' '), '18S UJ');
  // published to the metre by different surveys (UTM 323481–323487 E, 4306479–4306483 N)
  assert.ok(Math.abs(Number(wm[2]) - 23484) <= 6 && Math.abs(Number(wm[3]) - 6481) <= 6, wm.join(' '));
});
