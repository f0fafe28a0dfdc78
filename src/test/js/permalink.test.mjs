// node --test: reading and writing the map's address (frontend/js/permalink.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDay } from '../../../frontend/js/dates.js';
import { readMapView, resolveView, toQuery } from '../../../frontend/js/permalink.js';

const defaults = { day: parseDay('2019-08-23'), win: 'week', layers: ['events'], center: [35.75, 36.65], zoom: 9 };
const context = { layerIds: ['events', 'control', 'posts'], extent: { start: parseDay('2018-09-01'),
  end: parseDay('2020-03-31') }, defaults };

test('a link written by the map reads back as the same view', () => {
  const view = { day: parseDay('2019-12-24'), win: 'month', layers: ['control', 'posts'], center: [35.6, 36.6],
    zoom: 11 };
  const q = toQuery(view);
  assert.equal(q, '?at=2019-12-24&win=month&layers=control,posts&c=35.6000,36.6000&z=11');
  const back = resolveView(q, context);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.view, view);
});

test('each bad parameter falls back to its default and is reported', () => {
  const { view, problems } = resolveView('?at=2019-02-30&win=year&layers=events,nope&c=north&z=40', context);
  assert.equal(view.day, defaults.day);
  assert.equal(view.win, 'week');
  assert.deepEqual(view.layers, ['events']);
  assert.deepEqual(view.center, defaults.center);
  assert.equal(view.zoom, 9);
  assert.deepEqual(problems, [
    'date "2019-02-30" is not a date like 2019-08-23',
    'event window "year" is not one of day, week, month, all',
    'unknown layer nope',
    'centre "north" is not latitude,longitude',
    'zoom "40" is not a whole number from 2 to 18',
  ]);
});

test('a date outside the data is moved to the nearest end and reported', () => {
  const { view, problems } = resolveView('?at=2021-01-01', context);
  assert.equal(view.day, context.extent.end);
  assert.deepEqual(problems, ['date 2021-01-01 is outside the data (2018-09-01 to 2020-03-31)']);
});

test('an empty layer list means no layers; centre and zoom can be read alone', () => {
  assert.deepEqual(resolveView('?layers=', context).view.layers, []);
  assert.deepEqual(readMapView('?c=36.1,37.2&z=12', defaults), { center: [36.1, 37.2], zoom: 12 });
});
