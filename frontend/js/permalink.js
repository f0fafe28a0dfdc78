// The URL is the view: ?at=2019-08-23&win=week&layers=events,control&c=35.6,36.6&z=9 (c = lat,lon).
// Reading is forgiving: a bad parameter falls back to its default and is reported, never a blank page.
import { isoDay, parseDay, WINDOWS } from './dates.js';

const MAX_PARAM = 500;

/** Validates the raw query against the layers and time extent; returns the view and what was ignored. */
export function resolveView(search, { layerIds, extent, defaults }) {
  const q = new URLSearchParams(search);
  const problems = [];
  const view = { ...defaults, layers: [...defaults.layers] };
  const get = (name) => {
    const v = q.get(name);
    return v == null ? null : v.slice(0, MAX_PARAM);
  };

  const at = get('at');
  if (at != null) {
    const day = parseDay(at);
    if (day == null) problems.push(`date "${at}" is not a date like 2019-08-23`);
    else if (day < extent.start || day > extent.end) {
      problems.push(`date ${at} is outside the data (${isoDay(extent.start)} to ${isoDay(extent.end)})`);
      view.day = Math.min(extent.end, Math.max(extent.start, day));
    } else view.day = day;
  }

  const win = get('win');
  if (win != null) {
    if (WINDOWS.includes(win)) view.win = win;
    else problems.push(`event window "${win}" is not one of ${WINDOWS.join(', ')}`);
  }

  const layers = get('layers');
  if (layers != null) {
    const asked = layers.split(',').map((s) => s.trim()).filter(Boolean);
    const known = asked.filter((id) => layerIds.includes(id));
    const unknown = asked.filter((id) => !layerIds.includes(id));
    if (unknown.length) problems.push(`unknown layer${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    if (known.length || asked.length === 0) view.layers = known;
  }

  const c = get('c');
  if (c != null) {
    const parts = c.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const [lat, lon] = parts;
    if (parts.length === 2 && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 85
      && Math.abs(lon) <= 180) view.center = [lat, lon];
    else problems.push(`centre "${c}" is not latitude,longitude`);
  }

  const z = get('z');
  if (z != null) {
    const zoom = Number(z);
    if (z.trim() !== '' && Number.isInteger(zoom) && zoom >= 2 && zoom <= 18) view.zoom = zoom;
    else problems.push(`zoom "${z}" is not a whole number from 2 to 18`);
  }
  return { view, problems };
}

/** Centre and zoom alone, for placing the map before the layer list has arrived. */
export function readMapView(search, defaults) {
  const { view } = resolveView(search, { layerIds: [], extent: { start: -1e9, end: 1e9 }, defaults });
  return { center: view.center, zoom: view.zoom };
}

export function toQuery(view) {
  const [lat, lon] = view.center;
  // commas stay readable; URLSearchParams would escape them
  return `?at=${isoDay(view.day)}&win=${view.win}&layers=${view.layers.map(encodeURIComponent).join(',')}`
    + `&c=${lat.toFixed(4)},${lon.toFixed(4)}&z=${view.zoom}`;
}
