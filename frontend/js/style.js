// How each layer is drawn: the layer's own style object from /api/layers first, then defaults by kind and by
// the well-known properties of the worked example (party, zoneType, status, eventType).

const PALETTE = ['#e6550d', '#3182bd', '#756bb1', '#31a354', '#d6616b', '#8c6d31', '#636363', '#e7ba52',
  '#17becf', '#ad494a'];

const KNOWN = {
  party: { government: '#c8393b', opposition: '#2f8f46', sdf: '#d6a21e', turkey: '#1f5fa8', isis: '#333333' },
  zoneType: { dmz: '#e08a00', 'security-corridor': '#7b3fa0' },
  eventType: { Battles: '#d7301f', 'Explosions/Remote violence': '#fc8d59', 'Violence against civilians': '#7a0177',
    Protests: '#2c7fb8', Riots: '#41b6c4', 'Strategic developments': '#737373' },
  status: { open: '#1f78b4', contested: '#f0a30a', surrounded: '#d7191c', closed: '#777777' },
};

/** The property that decides a feature's colour, from the style or guessed from the layer's kind and id. */
export function categoryProperty(meta) {
  const s = meta.style || {};
  const named = s.byProperty || s.property || s.by || s.colorBy || s.categoryProperty;
  if (typeof named === 'string') return named;
  if (meta.kind === 'event') return 'eventType';
  if (meta.kind === 'point') return 'status';
  if (meta.id === 'zones') return 'zoneType';
  if (meta.id === 'control') return 'party';
  return null;
}

function styleCategories(meta) {
  const s = meta.style || {};
  const table = s.colors || s.categories || s.values || s.palette;
  return table && typeof table === 'object' && !Array.isArray(table) ? table : null;
}

/** A colour per category value: style table, then the well-known table, then a stable palette pick. */
export function categoryColor(meta, value) {
  const table = styleCategories(meta);
  const fromStyle = table?.[value];
  if (typeof fromStyle === 'string') return fromStyle;
  if (fromStyle && typeof fromStyle === 'object' && (fromStyle.color || fromStyle.fillColor)) {
    return fromStyle.fillColor || fromStyle.color;
  }
  const known = KNOWN[categoryProperty(meta)]?.[value];
  if (known) return known;
  if (value == null) return baseColor(meta);
  let h = 0;
  for (const ch of String(value)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

function baseColor(meta) {
  const s = meta.style || {};
  return s.color || s.fillColor || (meta.kind === 'area' ? '#555555' : meta.kind === 'line' ? '#b2182b' : '#3182bd');
}

/** Categories to list in the legend: the style's table, the known values, else what the data shows. */
export function legendCategories(meta, seenValues) {
  const table = styleCategories(meta);
  if (table) return Object.keys(table);
  const prop = categoryProperty(meta);
  const seen = [...(seenValues || [])].filter((v) => v != null).sort();
  if (seen.length) return seen;
  return KNOWN[prop] && meta.kind !== 'event' ? Object.keys(KNOWN[prop]) : [];
}

const PASS = ['color', 'weight', 'opacity', 'fillColor', 'fillOpacity', 'dashArray', 'radius'];

function overrides(meta) {
  const out = {};
  for (const k of PASS) if (meta.style && meta.style[k] != null) out[k] = meta.style[k];
  return out;
}

/** Leaflet path options for an area or line feature. */
export function pathStyle(meta, props) {
  const prop = categoryProperty(meta);
  const value = prop ? props?.[prop] : null;
  const color = value != null ? categoryColor(meta, value) : baseColor(meta);
  if (meta.kind === 'line') {
    return { color, weight: 3, opacity: 0.9, ...overrides(meta), ...(value != null ? { color } : {}) };
  }
  const isOutline = meta.id === 'governorates' || (!prop && !meta.style?.fillColor);
  const base = isOutline
    ? { color: '#4d4d4d', weight: 1.2, opacity: 0.8, fill: !!meta.style?.fillColor, fillOpacity: 0.05,
      dashArray: '4 3' }
    : { color, weight: 1.5, opacity: 0.9, fillColor: color, fillOpacity: 0.28 };
  if (value === 'dmz' || value === 'security-corridor') Object.assign(base, { dashArray: '6 4', fillOpacity: 0.15 });
  return { ...base, ...overrides(meta), ...(value != null ? { color, fillColor: color } : {}) };
}

/** Circle options for an event: colour by type, radius by reported fatalities. */
export function eventStyle(meta, props) {
  const prop = categoryProperty(meta);
  const color = categoryColor(meta, props?.[prop]);
  const killed = Number(props?.fatalities) || 0;
  const base = Number(meta.style?.radius) || 4.5;
  const radius = Math.min(14, base * 0.8 + Math.sqrt(killed));
  const { radius: _ignored, ...rest } = overrides(meta);
  return { color: '#222', weight: 0.6, fillColor: color, fillOpacity: 0.8, ...rest, radius,
    ...(props?.[prop] != null ? { fillColor: color } : {}) };
}

/** A CSS class token safe to put in a class attribute (status values come from data). */
export function cssToken(value) {
  const t = String(value ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]/g, '');
  return t || 'unknown';
}
