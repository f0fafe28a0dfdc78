// The briefing editor: edit, reorder and delete frames; publish; create and revoke share links.
import { api } from './briefing-http.js';

const root = document.getElementById('editor');
const slug = root.dataset.slug;
const base = `/api/briefings/${encodeURIComponent(slug)}`;
const statusEl = document.getElementById('editor-status');
const tbody = document.getElementById('frames');
let frames = [];

function say(text) { statusEl.textContent = text; }

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

async function load() {
  const b = await api('GET', base);
  frames = b.frames;
  tbody.replaceChildren(...frames.map(row));
}

function row(f, i) {
  const title = el('input', { value: f.title, maxLength: 300, placeholder: 'Frame title' });
  title.setAttribute('aria-label', `Title of frame ${f.n}`);
  const day = el('input', { type: 'date', value: f.day });
  day.setAttribute('aria-label', `Date of frame ${f.n}`);
  const text = el('textarea', { value: f.narrative, rows: 5, maxLength: 20000, placeholder: 'Narrative (Markdown)' });
  text.setAttribute('aria-label', `Narrative of frame ${f.n}`);
  const save = el('button', { type: 'button', textContent: 'Save' });
  save.addEventListener('click', () => act(() => api('PUT', `${base}/frames/${f.id}`, { title: title.value, day: day.value, narrative: text.value }), `Frame ${f.n} saved`));
  const up = el('button', { type: 'button', textContent: '↑', disabled: i === 0, title: 'Move up' });
  up.addEventListener('click', () => move(i, -1));
  const down = el('button', { type: 'button', textContent: '↓', disabled: i === frames.length - 1, title: 'Move down' });
  down.addEventListener('click', () => move(i, 1));
  const del = el('button', { type: 'button', textContent: 'Delete' });
  del.addEventListener('click', () => { if (confirm(`Delete frame ${f.n}?`)) act(() => api('DELETE', `${base}/frames/${f.id}`), `Frame ${f.n} deleted`); });
  const preview = el('a', { href: `/briefings/${encodeURIComponent(slug)}/preview#${f.n}`, textContent: 'preview' });
  return el('tr', {}, el('td', {}, String(f.n)), el('td', {}, day), el('td', {}, title, text, el('div', { className: 'frame-meta', textContent: `layers: ${f.layers.join(', ')} · centre ${f.center.map((v) => v.toFixed(3)).join(', ')} · zoom ${f.zoom}${f.windowFrom ? ` · events from ${f.windowFrom}` : ''}${f.overlay ? ` · overlay: ${f.overlay}` : ''}` })), el('td', {}, save, up, down, del, preview));
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
      const link = el('a', { href: s.url, textContent: location.origin + s.url });
      if (s.revokedAt) return el('li', {}, el('s', {}, link), ' revoked');
      const revoke = el('button', { type: 'button', textContent: 'Revoke' });
      revoke.addEventListener('click', () => act(() => api('DELETE', `${base}/shares/${s.token}`), 'Link revoked').then(loadShares));
      return el('li', {}, link, ' ', revoke);
    }));
  } catch (e) { /* viewers cannot list share links */ }
}
document.getElementById('share').addEventListener('click', () => act(() => api('POST', `${base}/shares`), 'Share link created').then(loadShares));

load().catch((e) => say(e.message));
loadShares();
