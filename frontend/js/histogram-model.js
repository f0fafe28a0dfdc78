// The time bar histogram's model: pure functions (tested with node) from the histogram API's answers to bars
// laid out along the slider, the event window's shade, and the day under a point.
import { parseDay } from './dates.js';

/** The bucket the histogram asks for over an extent of `days` days (the API allows at most 3700 buckets). */
export function bucketFor(days) {
  return days <= 1100 ? 'day' : days <= 7 * 3000 ? 'week' : 'month';
}

/** Sums the answers of several layers bucket by bucket (same from/to/bucket, so the same starts). */
export function mergeHistograms(answers) {
  const byStart = new Map();
  for (const a of answers) {
    for (const b of a.buckets || []) {
      const m = byStart.get(b.start) || { start: b.start, events: 0, fatalities: 0 };
      m.events += b.events;
      m.fatalities += b.fatalities;
      byStart.set(b.start, m);
    }
  }
  return [...byStart.values()].sort((x, y) => x.start.localeCompare(y.start));
}

/**
 * Bars for buckets over the slider's days [start, end] (day numbers, both inclusive) in a box of width × height,
 * `inset` pixels kept free at each end (where the slider's thumb cannot go). Each bar spans its bucket's days;
 * events set its height (the busiest bucket fills the box), fatalities an inner darker bar on the same scale.
 */
export function histogramModel(buckets, { start, end, width, height, inset = 8 }) {
  const span = Math.max(1, end - start + 1);
  const plotW = Math.max(1, width - 2 * inset);
  const x = (day) => inset + ((day - start) / span) * plotW;
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.events, b.fatalities)));
  const bars = buckets.map((b, i) => {
    const from = Math.max(start, parseDay(b.start));
    const next = i + 1 < buckets.length ? parseDay(buckets[i + 1].start) : end + 1;
    const to = Math.min(end + 1, next);
    const h = (b.events / max) * height;
    const k = (b.fatalities / max) * height;
    return {
      start: b.start, day: from, events: b.events, fatalities: b.fatalities,
      x: x(from), width: Math.max(0.5, x(to) - x(from)),
      y: height - h, height: h, fatalY: height - k, fatalHeight: k,
      title: `${b.start}: ${b.events} event${b.events === 1 ? '' : 's'}, ${b.fatalities} fatalit${b.fatalities === 1 ? 'y' : 'ies'}`,
    };
  });
  return { width, height, max, bars, start, end, inset, plotW };
}

/** The shaded window [from, day] (day numbers, inclusive) as x and width in the model's box. */
export function shadeOf(model, from, day) {
  const span = Math.max(1, model.end - model.start + 1);
  const a = Math.max(model.start, from);
  const b = Math.min(model.end, day) + 1;
  const x = model.inset + ((a - model.start) / span) * model.plotW;
  return { x, width: Math.max(1, model.inset + ((b - model.start) / span) * model.plotW - x) };
}

/** The bar under x (or null): a click on it jumps the slider to the bar's first day. */
export function barAt(model, x) {
  return model.bars.find((b) => x >= b.x && x < b.x + b.width) || null;
}
