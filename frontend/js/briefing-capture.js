// "Add frame" on the map page: captures the current date, event window, layers, centre and zoom into a draft briefing.
import { api, mapState } from './briefing-http.js';

const panel = document.getElementById('panel');
if (panel) {
  const box = document.createElement('section');
  box.className = 'briefing-capture';
  const h = document.createElement('h2');
  h.textContent = 'Briefing';
  const select = document.createElement('select');
  select.id = 'capture-briefing';
  select.setAttribute('aria-label', 'Draft briefing to add this view to');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'capture-add';
  button.textContent = 'Add frame';
  const status = document.createElement('p');
  status.className = 'capture-status';
  status.setAttribute('aria-live', 'polite');
  // the map's stylesheet belongs to the map page; these few rules keep the box inside the panel
  box.style.cssText = 'margin-top: 8px;';
  select.style.cssText = 'width: 100%; box-sizing: border-box; margin-bottom: 4px;';
  status.style.cssText = 'font-size: 0.85em; margin: 4px 0;';
  box.append(h, select, button, status);
  panel.appendChild(box);

  api('GET', '/api/briefings').then((list) => {
    const drafts = list.filter((b) => b.status === 'draft');
    for (const b of list) {
      const o = document.createElement('option');
      o.value = b.slug;
      o.textContent = b.title + (b.status === 'published' ? ' (published)' : '');
      select.appendChild(o);
    }
    if (!list.length) status.textContent = 'No briefing yet: create one under /briefings.';
    else if (drafts.length) select.value = drafts[0].slug;
  }).catch((e) => { status.textContent = e.message; });

  button.addEventListener('click', async () => {
    const s = mapState();
    if (!select.value) return;
    try {
      const f = await api('POST', `/api/briefings/${encodeURIComponent(select.value)}/frames`, {
        day: s.day, windowFrom: s.windowFrom, layers: s.layers, center: s.center, zoom: s.zoom, narrative: '',
      });
      status.textContent = `Added frame ${f.n} (${f.day}). `;
      const a = document.createElement('a');
      a.href = `/briefings/${encodeURIComponent(select.value)}/edit`;
      a.textContent = 'Edit the briefing';
      status.appendChild(a);
    } catch (e) {
      status.textContent = `Could not add the frame: ${e.message}`;
    }
  });
}
