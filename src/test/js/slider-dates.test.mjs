// node --test: calendar arithmetic of the time slider (frontend/js/dates.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { addUnits, dayInWords, isoDay, parseDay, windowStart } from '../../../frontend/js/dates.js';

test('a date round-trips through its day number', () => {
  for (const d of ['1970-01-01', '2019-08-23', '2020-02-29', '2020-03-05']) assert.equal(isoDay(parseDay(d)), d);
  assert.equal(parseDay('1970-01-02'), 1);
});

test('text that is not a real calendar date is refused', () => {
  for (const bad of ['2019-02-29', '2019-13-01', '2019-8-23', '23/08/2019', '', null, undefined]) {
    assert.equal(parseDay(bad), null, `parseDay(${JSON.stringify(bad)})`);
  }
});

test('a month after 31 January is the last day of February', () => {
  assert.equal(isoDay(addUnits(parseDay('2020-01-31'), 1, 'month')), '2020-02-29');
  assert.equal(isoDay(addUnits(parseDay('2019-01-31'), 1, 'month')), '2019-02-28');
  assert.equal(isoDay(addUnits(parseDay('2019-03-31'), -1, 'month')), '2019-02-28');
  assert.equal(isoDay(addUnits(parseDay('2019-08-23'), 2, 'week')), '2019-09-06');
  assert.throws(() => addUnits(0, 1, 'year'), /unknown time unit year/);
});

test('event windows end on the slider day', () => {
  const day = parseDay('2019-08-23');
  assert.equal(isoDay(windowStart(day, 'day')), '2019-08-23');
  assert.equal(isoDay(windowStart(day, 'week')), '2019-08-17');
  assert.equal(isoDay(windowStart(day, 'month')), '2019-07-24');
  assert.equal(isoDay(windowStart(day, 'all', parseDay('2018-09-01'))), '2018-09-01');
});

test('dates in words are UTC, whatever the machine zone', () => {
  assert.equal(dayInWords(parseDay('2019-08-23')), '23 August 2019');
});
