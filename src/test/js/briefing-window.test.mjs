// node --test: a briefing frame captured from the map keeps the map's event window (frontend/js/briefing-http.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { isoDay, parseDay, windowStart } from '../../../frontend/js/dates.js';
import { mapState } from '../../../frontend/js/briefing-http.js';

/** mapState() as the map page answers it, through the page's own hook. */
function captured(at, win) {
  globalThis.window = { __frontline: { view: () => ({ at, win, layers: ['events'], center: [35.75, 36.65], zoom: 9 }) } };
  globalThis.location = { search: '' };
  try {
    return mapState();
  } finally {
    delete globalThis.window;
    delete globalThis.location;
  }
}

test('a month window starts the day after the same date a calendar month before, as on the map', () => {
  assert.equal(captured('2019-08-23', 'month').windowFrom, '2019-07-24');
  assert.equal(captured('2019-03-31', 'month').windowFrom, '2019-03-01'); // 28 February + 1 day
  assert.equal(captured('2020-03-31', 'month').windowFrom, '2020-03-01'); // 29 February 2020 + 1 day
  assert.equal(captured('2019-08-23', 'week').windowFrom, '2019-08-17');
  assert.equal(captured('2019-08-23', 'day').windowFrom, '2019-08-23');
});

test('every day of two years gets the window the map shows for it', () => {
  for (let day = parseDay('2018-12-25'); day <= parseDay('2020-12-31'); day++) {
    for (const win of ['day', 'week', 'month']) {
      assert.equal(captured(isoDay(day), win).windowFrom, isoDay(windowStart(day, win)), `${isoDay(day)} ${win}`);
    }
  }
});

test('the whole-layer window and a missing day leave the window open', () => {
  assert.equal(captured('2019-08-23', 'all').windowFrom, null);
  assert.equal(captured(null, 'month').windowFrom, null);
});
