// node --test: the time bar histogram's model (bars along the slider, the window's shade, clicks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barAt, bucketFor, histogramModel, mergeHistograms, shadeOf } from '../../../frontend/js/histogram-model.js';
import { parseDay } from '../../../frontend/js/dates.js';

const start = parseDay('2019-08-01');
const end = parseDay('2019-08-10');
const days = (counts) => counts.map((n, i) => ({ start: `2019-08-${String(i + 1).padStart(2, '0')}`, events: n, fatalities: n * 2 }));

test('one bar per bucket, side by side across the slider, the busiest bucket filling the box', () => {
  const m = histogramModel(days([1, 0, 4, 0, 0, 0, 0, 0, 0, 2]), { start, end, width: 216, height: 40, inset: 8 });
  assert.equal(m.bars.length, 10);
  // 200 px for 10 days: 20 px each, the first at the inset
  assert.equal(m.bars[0].x, 8);
  assert.equal(m.bars[0].width, 20);
  assert.equal(m.bars[9].x + m.bars[9].width, 208);
  // fatalities (8 on the 3rd) set the scale with the events; heights are proportional
  assert.equal(m.max, 8);
  assert.equal(m.bars[2].fatalHeight, 40);
  assert.equal(m.bars[2].height, 20);
  assert.equal(m.bars[2].y, 20);
  assert.equal(m.bars[1].height, 0);
  assert.match(m.bars[2].title, /^2019-08-03: 4 events, 8 fatalities$/);
});

test('a week bucket that starts before the slider is cut at the slider start', () => {
  const m = histogramModel([{ start: '2019-07-29', events: 3, fatalities: 0 }, { start: '2019-08-05', events: 1, fatalities: 0 }],
    { start, end, width: 216, height: 40, inset: 8 });
  assert.equal(m.bars[0].day, start);
  assert.equal(m.bars[0].x, 8);
  assert.equal(m.bars[0].width, 80); // 1–4 August
  assert.equal(m.bars[1].width, 120); // 5–10 August
});

test('the shade covers the event window, both days included, and a click finds the bar under it', () => {
  const m = histogramModel(days([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), { start, end, width: 216, height: 40, inset: 8 });
  const s = shadeOf(m, parseDay('2019-08-04'), parseDay('2019-08-10'));
  assert.equal(s.x, 68);
  assert.equal(s.width, 140);
  assert.equal(barAt(m, 70).start, '2019-08-04');
  assert.equal(barAt(m, 207.9).start, '2019-08-10');
  assert.equal(barAt(m, 3), null);
});

test('answers of several layers are summed bucket by bucket; long extents ask for coarser buckets', () => {
  const merged = mergeHistograms([{ buckets: days([1, 2]) }, { buckets: days([10, 0]) }]);
  assert.deepEqual(merged.map((b) => [b.start, b.events, b.fatalities]), [['2019-08-01', 11, 22], ['2019-08-02', 2, 4]]);
  assert.equal(bucketFor(730), 'day');
  assert.equal(bucketFor(3000), 'week');
  assert.equal(bucketFor(40000), 'month');
});
