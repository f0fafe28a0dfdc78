// Dates are shown inclusively and in one format: '19–22 August 2019'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDay, rangeInWords, validInWords } from '../../../frontend/js/dates.js';

test('a range within a month, across months, across years', () => {
  assert.equal(rangeInWords(parseDay('2019-08-19'), parseDay('2019-08-22')), '19–22 August 2019');
  assert.equal(rangeInWords(parseDay('2019-07-30'), parseDay('2019-08-02')), '30 July – 2 August 2019');
  assert.equal(rangeInWords(parseDay('2019-12-28'), parseDay('2020-01-03')), '28 December 2019 – 3 January 2020');
});

test('the exclusive end of valid time is shown as the last day it was true', () => {
  assert.equal(validInWords('2019-08-19', '2019-08-23'), '19–22 August 2019');
  assert.equal(validInWords('2019-08-19T00:00:00Z', '2019-08-23T00:00:00Z'), '19–22 August 2019');
  assert.equal(validInWords('2019-08-23T00:00:00Z', '2019-08-24T00:00:00Z'), '23 August 2019'); // a one-day event
  assert.equal(validInWords('2019-08-23', null), 'since 23 August 2019');
  assert.equal(validInWords('garbage', null), null);
});

test('a typed date must be YYYY-MM-DD and a real day, with a message saying what is wrong', async () => {
  const { dayProblem } = await import('../../../frontend/js/dates.js');
  assert.equal(dayProblem('2019-08-23'), null);
  assert.equal(dayProblem(' 2020-02-29 '), null);
  assert.match(dayProblem(''), /missing: write it as YYYY-MM-DD/);
  assert.match(dayProblem('23/08/2019'), /'23\/08\/2019' is not a date written YYYY-MM-DD/);
  assert.match(dayProblem('2019-8-23'), /not a date written YYYY-MM-DD/);
  assert.match(dayProblem('2019-02-30'), /2019-02-30 is not a day of the calendar/);
});
