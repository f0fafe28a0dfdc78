// The one reading of a layer's style JSON (the map, the briefing player and the offline HTML export use this
// file; the server-drawn images use org.frontline.style.LayerStyle, and both must reproduce the shared table
// src/test/resources/style/cases.json). Dependency-free: no imports, no DOM, so node can test it and the HTML
// export can inline it.
//
// Style keys: color, fillColor, weight, opacity, fillOpacity, dashArray, radius, byProperty, colors, symbols,
// visible. Colours are '#rgb' or '#rrggbb'. Anything else is drawn in FALLBACK grey and named by warnings().

/** Drawn where a style names something that is not a colour: visible, and explained in the legend. */
export const FALLBACK = '#9e9e9e';

/** Okabe & Ito's colour-blind-safe set (minus black and yellow, kept for named values). */
export const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#0072b2', '#d55e00', '#cc79a7', '#7f7f7f'];

/** Colours for the well-known properties of the worked example; all distinct under deuteranopia/protanopia. */
export const KNOWN = {
  party: { government: '#d55e00', opposition: '#009e73', sdf: '#f0e442', turkey: '#56b4e9', isis: '#000000' },
  zoneType: { dmz: '#e69f00', 'security-corridor': '#882255' },
  eventType: { Battles: '#e69f00', 'Explosions/Remote violence': '#332288',
    'Violence against civilians': '#cc79a7', Protests: '#56b4e9', Riots: '#009e73',
    'Strategic developments': '#7f7f7f' },
  status: { open: '#0072b2', threatened: '#e69f00', surrounded: '#882255', closed: '#bbbbbb' },
};

/** Post statuses differ by shape as well as colour. */
export const KNOWN_SYMBOLS = { status: { open: 'circle', threatened: 'triangle', surrounded: 'square', closed: 'cross' } };

/** Outlines of each symbol as polygons in a unit box (y down); 'circle' is drawn as a circle. */
export const SYMBOLS = {
  circle: null,
  triangle: [[0, -1], [0.95, 0.75], [-0.95, 0.75]],
  square: [[-0.8, -0.8], [0.8, -0.8], [0.8, 0.8], [-0.8, 0.8]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  cross: [[-0.3, -1], [0.3, -1], [0.3, -0.3], [1, -0.3], [1, 0.3], [0.3, 0.3], [0.3, 1], [-0.3, 1], [-0.3, 0.3],
    [-1, 0.3], [-1, -0.3], [-0.3, -0.3]],
};

/** Analysis overlays, the same on the map, in the player and in the PDF. */
export const OVERLAY = {
  gained: '#0072b2',
  lost: '#e69f00',
  outline: '#1a1a1a',
  buffer: '#332288',
  rings: KNOWN.status,
};

const KEYS = ['color', 'fillColor', 'weight', 'opacity', 'fillOpacity', 'dashArray', 'radius', 'byProperty', 'colors',
  'symbols', 'visible'];
const DEFAULTS = {
  area: { color: '#555555', weight: 1.5, opacity: 0.9, fillOpacity: 0.3, radius: 6 },
  line: { color: '#444444', weight: 3, opacity: 0.9, fillOpacity: 0, radius: 6 },
  point: { color: '#555555', weight: 1.5, opacity: 1, fillOpacity: 0.9, radius: 7 },
  event: { color: '#555555', weight: 0.6, opacity: 1, fillOpacity: 0.8, radius: 5 },
};
const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const DASH = /^\d+(\.\d+)?( \d+(\.\d+)?)*$/;

/** '#abc' or '#AABBCC' → '#aabbcc'; anything else → null. */
export function normalColor(value) {
  if (typeof value !== 'string' || !HEX.test(value)) return null;
  const h = value.slice(1).toLowerCase();
  return h.length === 3 ? `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}` : `#${h}`;
}

function styleOf(meta) {
  const s = meta && meta.style;
  return s && typeof s === 'object' && !Array.isArray(s) ? s : {};
}

function defaultsOf(meta) {
  return DEFAULTS[meta && meta.kind] || DEFAULTS.area;
}

function table(s, key) {
  const t = s[key];
  return t && typeof t === 'object' && !Array.isArray(t) ? t : null;
}

/** The property that decides a feature's colour: the style's byProperty, else by the layer's kind or id. */
export function categoryProperty(meta) {
  const s = styleOf(meta);
  if (typeof s.byProperty === 'string' && s.byProperty) return s.byProperty;
  if (meta.kind === 'event') return 'eventType';
  if (meta.kind === 'point') return 'status';
  if (meta.id === 'zones') return 'zoneType';
  if (meta.id === 'control') return 'party';
  return null;
}

function number(s, key, fallback, min, max) {
  const v = s[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

/** What in this layer's style cannot be used as written (each is drawn with a visible fallback instead). */
export function warnings(meta) {
  const s = styleOf(meta);
  const out = [];
  for (const key of Object.keys(s).sort()) {
    if (!KEYS.includes(key)) out.push(`unknown style property '${key}' ignored`);
  }
  for (const key of ['color', 'fillColor']) {
    if (s[key] != null && !normalColor(s[key])) out.push(`${key} '${s[key]}' is not a colour: drawn grey`);
  }
  for (const [key, max] of [['weight', 20], ['opacity', 1], ['fillOpacity', 1], ['radius', 30]]) {
    if (s[key] != null && number(s, key, null, 0, max) == null) out.push(`${key} '${s[key]}' is not a number 0–${max}`);
  }
  if (s.dashArray != null && (typeof s.dashArray !== 'string' || !DASH.test(s.dashArray))) {
    out.push(`dashArray '${s.dashArray}' is not a dash pattern`);
  }
  const colors = table(s, 'colors');
  if (s.colors != null && !colors) out.push("colors is not a table of value → colour");
  for (const [value, c] of Object.entries(colors || {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!normalColor(c)) out.push(`colour '${String(c)}' for ${value} is not a colour: drawn grey`);
  }
  const symbols = table(s, 'symbols');
  for (const [value, sym] of Object.entries(symbols || {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!Object.hasOwn(SYMBOLS, sym)) out.push(`symbol '${String(sym)}' for ${value} is unknown: drawn as a circle`);
  }
  return out;
}

function hashPick(value) {
  const text = String(value);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** A colour per category value: the style's table, then the well-known table, then a stable palette pick. */
export function categoryColor(meta, value) {
  const s = styleOf(meta);
  const colors = table(s, 'colors');
  if (value != null && colors && Object.hasOwn(colors, String(value))) {
    return normalColor(colors[String(value)]) || FALLBACK;
  }
  const known = value == null ? null : KNOWN[categoryProperty(meta)];
  if (known && Object.hasOwn(known, String(value))) return known[String(value)];
  if (value == null) return baseColor(meta);
  return hashPick(value);
}

function baseColor(meta) {
  const s = styleOf(meta);
  if (s.color != null) return normalColor(s.color) || FALLBACK;
  return defaultsOf(meta).color;
}

/** The symbol a point or event is drawn with. */
export function categorySymbol(meta, value) {
  const symbols = table(styleOf(meta), 'symbols');
  if (value != null && symbols && Object.hasOwn(symbols, String(value))) {
    const sym = symbols[String(value)];
    return Object.hasOwn(SYMBOLS, sym) ? sym : 'circle';
  }
  const known = KNOWN_SYMBOLS[categoryProperty(meta)];
  return value != null && known && Object.hasOwn(known, String(value)) ? known[String(value)] : 'circle';
}

/**
 * Everything needed to draw one feature: stroke colour, fill colour (null = no fill), opacities, weight,
 * dash pattern, radius and symbol (points and events). The same answer as LayerStyle.look in Java.
 */
export function look(meta, props) {
  const s = styleOf(meta);
  const d = defaultsOf(meta);
  const prop = categoryProperty(meta);
  const value = prop && props ? props[prop] : null;
  const category = value == null ? null : categoryColor(meta, value);
  const colour = category || baseColor(meta);
  const fillBase = category || (s.fillColor != null ? normalColor(s.fillColor) || FALLBACK : colour);
  const fillOpacity = number(s, 'fillOpacity', d.fillOpacity, 0, 1);
  const weight = number(s, 'weight', d.weight, 0, 20);
  const opacity = number(s, 'opacity', d.opacity, 0, 1);
  const dashArray = typeof s.dashArray === 'string' && DASH.test(s.dashArray) ? s.dashArray : null;
  const base = number(s, 'radius', d.radius, 0, 30);
  const kind = meta.kind;
  if (kind === 'point' || kind === 'event') {
    const killed = kind === 'event' ? Number(props && props.fatalities) || 0 : 0;
    const radius = kind === 'event' ? Math.min(14, base * 0.8 + Math.sqrt(Math.max(0, killed))) : base;
    return { color: '#222222', fillColor: colour, fillOpacity, opacity, weight, dashArray: null, radius,
      symbol: categorySymbol(meta, value) };
  }
  return { color: colour, fillColor: kind === 'line' || fillOpacity === 0 ? null : fillBase,
    fillOpacity: kind === 'line' ? 0 : fillOpacity, opacity, weight, dashArray, radius: null, symbol: null };
}

/** Legend rows: the style's table, else the well-known values, else what the data shows. */
export function legendCategories(meta, seenValues) {
  const colors = table(styleOf(meta), 'colors');
  const seen = [...(seenValues || [])].filter((v) => v != null).map(String).sort();
  if (colors) return [...Object.keys(colors), ...seen.filter((v) => !Object.hasOwn(colors, v))];
  if (seen.length) return seen;
  const known = KNOWN[categoryProperty(meta)];
  return known && meta.kind !== 'event' ? Object.keys(known) : [];
}

/** [{value, color, symbol}] for the legend. */
export function legendEntries(meta, seenValues) {
  return legendCategories(meta, seenValues).map((value) => ({
    value, color: categoryColor(meta, value), symbol: categorySymbol(meta, value) }));
}

/** Leaflet path options for an area or line feature. */
export function pathStyle(meta, props) {
  const l = look(meta, props);
  return { color: l.color, weight: l.weight, opacity: l.opacity, fill: l.fillColor != null,
    fillColor: l.fillColor || l.color, fillOpacity: l.fillOpacity, dashArray: l.dashArray };
}

/** Leaflet circle-marker options for an event (colour by type, radius by reported fatalities). */
export function eventStyle(meta, props) {
  const l = look({ ...meta, kind: 'event' }, props);
  return { color: l.color, weight: l.weight, opacity: l.opacity, fillColor: l.fillColor, fillOpacity: l.fillOpacity,
    radius: l.radius };
}

/** An SVG path ('d') for a symbol of radius r centred at (cx, cy). */
export function symbolPath(symbol, r, cx = r, cy = r) {
  const pts = SYMBOLS[symbol];
  if (!pts) {
    return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
  return pts.map(([x, y], i) => `${i ? 'L' : 'M'}${(cx + x * r).toFixed(2)},${(cy + y * r).toFixed(2)}`).join('')
    + 'Z';
}

/** A CSS class token safe to put in a class attribute (status values come from data). */
export function cssToken(value) {
  const t = String(value ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]/g, '');
  return t || 'unknown';
}
