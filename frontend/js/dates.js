// Calendar dates as UTC day numbers (days since 1970-01-01), so time zones never shift a date.

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number, or null when the text is not a real calendar date. */
export function parseDay(text) {
  const m = ISO.exec(String(text ?? '').trim().slice(0, 10));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

/** Why a typed date is not acceptable, or null: it must be a real calendar day written YYYY-MM-DD. */
export function dayProblem(text) {
  const t = String(text ?? '').trim();
  if (!t) return 'the date is missing: write it as YYYY-MM-DD, e.g. 2019-08-23';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return `'${t}' is not a date written YYYY-MM-DD (e.g. 2019-08-23)`;
  if (parseDay(t) == null) return `${t} is not a day of the calendar`;
  return null;
}

export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** '23 August 2019' */
export function dayInWords(day) {
  return WORDS.format(new Date(day * DAY_MS));
}

const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * Both days inclusive, in words: '19–22 August 2019', '30 July – 2 August 2019',
 * '28 December 2019 – 3 January 2020', or one day. The API's valid time ends exclusively: pass its end minus one.
 */
export function rangeInWords(first, last) {
  if (last == null) return `since ${dayInWords(first)}`;
  if (last <= first) return dayInWords(first);
  const a = new Date(first * DAY_MS);
  const b = new Date(last * DAY_MS);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${dayInWords(first)} – ${dayInWords(last)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${DAY_MONTH.format(a)} – ${dayInWords(last)}`;
  return `${a.getUTCDate()}–${b.getUTCDate()} ${MONTH_YEAR.format(b)}`;
}

/** A valid time [from, to) from the API (ISO dates or instants, to exclusive or null) in words, inclusive. */
export function validInWords(from, to) {
  const f = parseDay(from);
  if (f == null) return null;
  const t = parseDay(to);
  if (t == null) return `since ${dayInWords(f)}`;
  // an end at midnight excludes that day; an end later in the day includes it
  const endsAtMidnight = String(to).length <= 10 || /T00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/.test(String(to));
  return rangeInWords(f, endsAtMidnight ? t - 1 : t);
}

export function shortDay(day) {
  return SHORT.format(new Date(day * DAY_MS));
}

/** Moves by n days, weeks or calendar months (a month from 31 January is the last day of February). */
export function addUnits(day, n, unit) {
  if (unit === 'day') return day + n;
  if (unit === 'week') return day + 7 * n;
  if (unit === 'month') {
    const d = new Date(day * DAY_MS);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + n;
    const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / DAY_MS);
  }
  throw new Error(`unknown time unit ${unit}`);
}

export const WINDOWS = ['day', 'week', 'month', 'all'];

/** First day (inclusive) of the event window that ends on {@code day}. */
export function windowStart(day, win, extentStart) {
  switch (win) {
    case 'day': return day;
    case 'week': return day - 6;
    case 'month': return addUnits(day, -1, 'month') + 1;
    default: return Math.min(extentStart, day);
  }
}

/** 'today' as a day number. */
export function today() {
  return Math.floor(Date.now() / DAY_MS);
}
