// node --test: which events the map draws as breaches, and how (frontend/js/breach-highlight.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BREACH_COLOR, breachesOf, breachLines, breachLinesOf, breachStyle, chosenAgreement, indexBreaches, setBreaches,
} from '../../../frontend/js/breach-highlight.js';
import { eventStyle } from '../../../frontend/js/style.js';

// the shape of GET /api/agreements/{id}/breaches (AgreementsController.geojson): one feature per event and clause
const breach = (eventId, clause, clauseType) => ({
  type: 'Feature', id: `${eventId}/${clause}`, geometry: { type: 'Point', coordinates: [36.6, 35.6] },
  properties: { eventId, clause, clauseType, date: '2019-08-20', actor: 'Party A', actorClass: 'Party A' },
});

test('an event breaching two clauses is listed under both, each clause once', () => {
  const fc = { type: 'FeatureCollection', features: [
    breach('ev-1', 'dmz', 'demilitarised-zone'), breach('ev-1', 'ceasefire', 'ceasefire'),
    breach('ev-2', 'dmz', 'demilitarised-zone'), breach('ev-1', 'dmz', 'demilitarised-zone'),
    { type: 'Feature', properties: { clause: 'dmz' } },
  ] };
  const byEvent = indexBreaches(fc);
  assert.deepEqual([...byEvent.keys()], ['ev-1', 'ev-2']);
  assert.deepEqual(byEvent.get('ev-1').map((b) => b.clause), ['dmz', 'ceasefire']);
  assert.equal(indexBreaches(null).size, 0);
});

test('a breach keeps the event\'s own fill and gets a thicker, larger outline in the breach colour', () => {
  const meta = { id: 'events', kind: 'event', style: {} };
  const own = eventStyle(meta, { eventType: 'Battles' });
  const drawn = breachStyle(own);
  assert.equal(drawn.fillColor, own.fillColor);
  assert.equal(drawn.color, BREACH_COLOR);
  assert.notEqual(own.color, BREACH_COLOR);
  assert.ok(drawn.weight > own.weight);
  assert.ok(drawn.radius > own.radius);
});

test('the popup names each clause breached and the agreement', () => {
  assert.deepEqual(breachLines([{ clause: 'dmz', clauseType: 'demilitarised-zone' }], 'Sochi memorandum'),
    ['Breach of dmz (demilitarised-zone) — Sochi memorandum']);
  assert.deepEqual(breachLines([], 'Sochi memorandum'), []);
});

test('only the chosen agreement\'s breaches are highlighted, and none once it is unchosen', () => {
  setBreaches({ id: 'sochi-2018', name: 'Sochi' }, indexBreaches({ features: [breach('ev-7', 'dmz', 'demilitarised-zone')] }));
  assert.equal(chosenAgreement().id, 'sochi-2018');
  assert.equal(breachesOf('ev-7').length, 1);
  assert.equal(breachesOf('ev-8').length, 0);
  assert.deepEqual(breachLinesOf('ev-7'), ['Breach of dmz (demilitarised-zone) — Sochi']);
  setBreaches(null);
  assert.equal(chosenAgreement(), null);
  assert.equal(breachesOf('ev-7').length, 0);
});
