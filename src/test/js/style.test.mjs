// node --test: how layers are drawn (frontend/js/style.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { categoryColor, categoryProperty, cssToken, eventStyle, legendCategories, pathStyle }
  from '../../../frontend/js/style.js';

const control = { id: 'control', kind: 'area', style: {} };
const events = { id: 'events', kind: 'event', style: {} };

test('a layer style names its colours; without one the well-known values and a stable palette apply', () => {
  const styled = { id: 'x', kind: 'area', style: { property: 'party', categories: { government: '#000000' } } };
  assert.equal(categoryProperty(styled), 'party');
  assert.equal(categoryColor(styled, 'government'), '#000000');
  assert.equal(categoryProperty(events), 'eventType');
  assert.equal(categoryColor(events, 'Battles'), '#d7301f');
  const once = categoryColor(control, 'some new party');
  assert.match(once, /^#[0-9a-f]{6}$/);
  assert.equal(categoryColor(control, 'some new party'), once);
});

test('area features are filled in their party colour, and zones are dashed', () => {
  const gov = pathStyle(control, { party: 'government' });
  assert.equal(gov.fillColor, '#c8393b');
  assert.equal(gov.color, '#c8393b');
  const zones = { id: 'zones', kind: 'area', style: {} };
  const dmz = pathStyle(zones, { zoneType: 'dmz' });
  assert.equal(dmz.dashArray, '6 4');
});

test('events grow with reported fatalities, up to a cap', () => {
  const none = eventStyle(events, { eventType: 'Battles' });
  const many = eventStyle(events, { eventType: 'Battles', fatalities: 49 });
  const huge = eventStyle(events, { eventType: 'Battles', fatalities: 100000 });
  assert.ok(many.radius > none.radius);
  assert.equal(huge.radius, 14);
  assert.equal(none.fillColor, '#d7301f');
});

test('the legend lists what the data shows when no table names the categories', () => {
  assert.deepEqual(legendCategories(events, new Set(['Riots', 'Battles', null])), ['Battles', 'Riots']);
});

test('a value from data becomes a safe class token', () => {
  assert.equal(cssToken('Surrounded" onclick="x'), 'surroundedonclickx');
  assert.equal(cssToken(null), 'unknown');
  assert.equal(cssToken('***'), 'unknown');
});
