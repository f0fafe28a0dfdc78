// The briefing editor: edit, reorder and delete frames; publish; create and revoke share links.
import { dayProblem } from './dates.js';
import { elProps } from './dom.js';
import { api } from './briefing-http.js';

const root = document.getElementById('editor');
const slug = root.dataset.slug;
const base = `/api/briefings/${encodeURIComponent(slug)}`;
const statusEl = document.getElementById('editor-status');
const tbody = document.getElementById('frames');
let frames = [];

function say(text) { statusEl.textContent = text; }



async function load() {
  const b = await api('GET', base);
  frames = b.frames;
  tbody.replaceChildren(...frames.map(row));
}

function row(f, i) {
  const title = elProps('input', { value: f.title, maxLength: 300, placeholder: 'Frame title' });
  title.setAttribute('aria-label', `Title of frame ${f.n}`);
  // ISO text like the tools and review pages (not the browser's locale date picker)
  const day = elProps('input', { type: 'text', value: f.day, inputMode: 'numeric', pattern: '\\d{4}-\\d{2}-\\d{2}',
    placeholder: 'YYYY-MM-DD', size: 10, autocomplete: 'off' });
  day.setAttribute('aria-label', `Date of frame ${f.n} (YYYY-MM-DD)`);
  const text = elProps('textarea', { value: f.narrative, rows: 5, maxLength: 20000, placeholder: 'Narrative (Markdown)' });
  text.setAttribute('aria-label', `Narrative of frame ${f.n}`);
  const save = elProps('button', { type: 'button', textContent: 'Save' });
  save.addEventListener('click', () => {
    const problem = dayProblem(day.value);
    day.setCustomValidity(problem || '');
    day.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) {
      say(`Frame ${f.n}: ${problem}`);
      day.focus();
      return;
    }
    act(() => api('PUT', `${base}/frames/${f.id}`, { title: title.value, day: day.value.trim(), narrative: text.value }), `Frame ${f.n} saved`);
  });
  const up = elProps('button', { type: 'button', textContent: '↑', disabled: i === 0, title: 'Move up' });
  up.addEventListener('click', () => move(i, -1));
  const down = elProps('button', { type: 'button', textContent: '↓', disabled: i === frames.length - 1, title: 'Move down' });
  down.addEventListener('click', () => move(i, 1));
  const del = elProps('button', { type: 'button', textContent: 'Delete' });
  del.addEventListener('click', () => { if (confirm(`Delete frame ${f.n}?`)) act(() => api('DELETE', `${base}/frames/${f.id}`), `Frame ${f.n} deleted`); });
  const preview = elProps('a', { href: `/briefings/${encodeURIComponent(slug)}/preview#${f.n}`, textContent: 'preview' });
  return elProps('tr', {}, elProps('td', {}, String(f.n)), elProps('td', {}, day), elProps('td', {}, title, text, elProps('div', { className: 'frame-meta', textContent: `layers: ${f.layers.join(', ')} · centre ${f.center.map((v) => v.toFixed(3)).join(', ')} · zoom ${f.zoom}${f.windowFrom ? ` · events from ${f.windowFrom}` : ''}${f.overlay ? ` · overlay: ${f.overlay}` : ''}` })), elProps('td', {}, save, up, down, del, preview));
}

function move(i, by) {
  const ids = frames.map((f) => f.id);
  [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
  act(() => api('PUT', `${base}/frames/order`, { frameIds: ids }), 'Order saved');
}

async function act(call, done) {
  try {
    await call();
    say(done);
    await load();
  } catch (e) {
    say(e.message);
  }
}

document.getElementById('publish').addEventListener('click', () => act(async () => {
  const b = await api('POST', `${base}/publish`, {});
  say(`Published edition ${b.edition}`);
}, 'Published'));

async function loadShares() {
  try {
    const list = await api('GET', `${base}/shares`);
    document.getElementById('shares').replaceChildren(...list.map((s) => {
      const link = elProps('a', { href: s.url, textContent: location.origin + s.url });
      if (s.revokedAt) return elProps('li', {}, elProps('s', {}, link), ' revoked');
      const revoke = elProps('button', { type: 'button', textContent: 'Revoke' });
      revoke.addEventListener('click', () => act(() => api('DELETE', `${base}/shares/${s.token}`), 'Link revoked').then(loadShares));
      return elProps('li', {}, link, ' ', revoke);
    }));
  } catch (e) { /* viewers cannot list share links */ }
}
document.getElementById('share').addEventListener('click', () => act(() => api('POST', `${base}/shares`), 'Share link created').then(loadShares));

load().catch((e) => say(e.message));
loadShares();
