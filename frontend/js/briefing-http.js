// JSON calls to the briefings API with the CSRF header Spring Security expects (cookie XSRF-TOKEN → X-XSRF-TOKEN).
import { isoDay, parseDay, windowStart } from './dates.js';
import { csrfToken, problemMessage } from './http.js';

export async function api(method, url, body) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch (e) { /* empty body */ }
  if (!res.ok) {
    const why = problemMessage(data, res);
    throw new Error(res.status === 401 || res.status === 403 ? `${why} (sign in as an analyst at /login)` : why);
  }
  return data;
}

/** The map's current state: from the map page's own hook when present, else from its permalink (?at=&win=&layers=&c=&z=). */
export function mapState() {
  const v = window.__frontline && window.__frontline.view ? window.__frontline.view() : null;
  const q = new URLSearchParams(location.search);
  const at = v ? v.at : q.get('at');
  const win = v ? v.win : (q.get('win') || 'week');
  const layers = v ? v.layers : (q.get('layers') || '').split(',').filter(Boolean);
  const center = v ? v.center : (q.get('c') || '35.75,36.65').split(',').map(Number);
  const zoom = v ? v.zoom : Number(q.get('z') || 9);
  // the window's first day by the map's own rule; 'all' (whose start is the layer's first day) stays open: null
  const day = parseDay(at);
  const windowFrom = day != null && ['day', 'week', 'month'].includes(win) ? isoDay(windowStart(day, win)) : null;
  return { day: at, windowFrom, layers, center, zoom };
}
