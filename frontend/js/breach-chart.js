// Breaches per bucket as stacked bars, one colour per actor: a dependency-free SVG chart.
// chartModel() is pure (tested with node); drawChart() turns the model into SVG elements.

// Okabe–Ito: a palette that stays distinct under the common colour-vision deficiencies.
export const ACTOR_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const UNKNOWN_COLOUR = '#999999';

/** Bars (x, y, height, colour, title) and axis labels for counts as the breaches/counts API answers them. */
export function chartModel(counts, { width = 720, height = 220, pad = 28 } = {}) {
  const buckets = counts.buckets || [];
  const actors = Object.keys(counts.byActor || {}).sort((a, b) => (counts.byActor[b] - counts.byActor[a]) || a.localeCompare(b));
  const colour = new Map(actors.map((a, i) => [a, a === 'unknown actor' ? UNKNOWN_COLOUR : ACTOR_COLOURS[i % ACTOR_COLOURS.length]]));
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const plotW = width - pad * 2;
  const plotH = height - pad * 2;
  const step = buckets.length ? plotW / buckets.length : plotW;
  const bars = [];
  buckets.forEach((b, i) => {
    let y = height - pad;
    for (const actor of actors) {
      const n = (b.byActor || {})[actor] || 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      bars.push({ x: pad + i * step, y, width: Math.max(1, step - 1), height: h, colour: colour.get(actor),
        title: `${b.start}: ${n} by ${actor}` });
    }
  });
  const ticks = [];
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  buckets.forEach((b, i) => { if (i % every === 0) ticks.push({ x: pad + i * step, label: b.start }); });
  return { width, height, pad, max, bars, ticks, legend: actors.map((a) => ({ actor: a, colour: colour.get(a), count: counts.byActor[a] })) };
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(name, attrs) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The chart as an SVG element (text only through textContent). */
export function drawChart(model, caption) {
  const svg = svgEl('svg', { viewBox: `0 0 ${model.width} ${model.height}`, width: '100%', role: 'img' });
  const title = svgEl('title', {});
  title.textContent = caption;
  svg.append(title);
  const base = model.height - model.pad;
  svg.append(svgEl('line', { x1: model.pad, y1: base, x2: model.width - model.pad, y2: base, stroke: '#555' }));
  const top = svgEl('text', { x: 2, y: model.pad, 'font-size': 11 });
  top.textContent = String(model.max);
  svg.append(top);
  for (const b of model.bars) {
    const r = svgEl('rect', { x: b.x, y: b.y, width: b.width, height: b.height, fill: b.colour });
    const t = svgEl('title', {});
    t.textContent = b.title;
    r.append(t);
    svg.append(r);
  }
  for (const t of model.ticks) {
    const label = svgEl('text', { x: t.x, y: base + 14, 'font-size': 10 });
    label.textContent = t.label;
    svg.append(label);
  }
  return svg;
}
