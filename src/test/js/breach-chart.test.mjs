// node --test: the breach chart's model (stacked bars per actor, scaled to the busiest bucket).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartModel, UNKNOWN_COLOUR } from '../../../frontend/js/breach-chart.js';

const counts = {
  byActor: { 'Party A': 3, 'unknown actor': 1 },
  buckets: [
    { start: '2019-01-07', total: 0, byActor: {} },
    { start: '2019-01-14', total: 3, byActor: { 'Party A': 2, 'unknown actor': 1 } },
    { start: '2019-01-21', total: 1, byActor: { 'Party A': 1 } },
  ],
};

test('one bar per actor and bucket, stacked, the busiest bucket filling the plot', () => {
  const m = chartModel(counts, { width: 330, height: 160, pad: 15 });
  assert.equal(m.max, 3);
  assert.equal(m.bars.length, 3);
  const week = m.bars.filter((b) => b.title.startsWith('2019-01-14'));
  assert.equal(week.length, 2);
  const plot = 160 - 2 * 15;
  assert.ok(Math.abs(week.reduce((s, b) => s + b.height, 0) - plot) < 1e-9);
  // stacked: the second sits on top of the first
  assert.ok(Math.abs(week[1].y + week[1].height - week[0].y) < 1e-9);
});

test('unknown actors are grey, named ones take palette colours, the legend is ordered by count', () => {
  const m = chartModel(counts);
  assert.deepEqual(m.legend.map((l) => l.actor), ['Party A', 'unknown actor']);
  assert.equal(m.legend[1].colour, UNKNOWN_COLOUR);
  assert.notEqual(m.legend[0].colour, UNKNOWN_COLOUR);
});

test('an empty range draws no bars and does not divide by zero', () => {
  const m = chartModel({ byActor: {}, buckets: [{ start: '2019-01-07', total: 0, byActor: {} }] });
  assert.equal(m.bars.length, 0);
  assert.equal(m.max, 1);
});
