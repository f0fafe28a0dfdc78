// Export and import on the map: a Leaflet control with an export menu (GeoJSON, CSV in ACLED's layout, CSV for
// spreadsheets, GeoPackage, zipped shapefile, KML) for a layer at the slider date, the event window or all time, and an import
// form (ACLED CSV, GeoPackage, GeoJSON) whose job is followed with a progress bar. Text from the server
// (errors, counts) is put in the page with textContent.
import { elAttrs } from './dom.js';
import { csrfToken, problemText } from './http.js';
import { isoDay } from './dates.js';

const FORMATS = [
  ['geojson', 'GeoJSON', ''],
  ['csv', 'CSV (ACLED columns for events)', ''],
  ['csv', 'CSV for spreadsheets (UTF-8 BOM)', 'bom=true'],
  ['gpkg', 'GeoPackage', ''],
  ['shp.zip', 'Shapefile (zipped, UTF-8)', ''],
  ['kml', 'KML (Google Earth time slider)', ''],
];




/** The export address for a layer, format and time scope ('day', 'window' or 'all'). */
export function exportUrl(layer, ext, extra, scope, day, windowStart) {
  const q = new URLSearchParams();
  if (scope === 'day') q.set('at', isoDay(day));
  if (scope === 'window') {
    q.set('from', isoDay(windowStart));
    q.set('to', isoDay(day));
  }
  if (extra) for (const [k, v] of new URLSearchParams(extra)) q.set(k, v);
  const qs = q.toString();
  return `/api/export/${encodeURIComponent(layer)}.${ext}${qs ? `?${qs}` : ''}`;
}

export const FormatsControl = L.Control.extend({
  options: { position: 'topright', metas: [], day: () => new Date(), windowStart: () => new Date(), pollMs: 500 },

  onAdd() {
    const box = elAttrs('details', { class: 'formats leaflet-bar', id: 'formats' });
    box.append(elAttrs('summary', {}, 'Export / import'));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    box.append(this._exportForm(), this._importForm());
    this._box = box;
    return box;
  },

  onRemove() {
    clearTimeout(this._timer);
  },

  _layerSelect(id) {
    const select = elAttrs('select', { id });
    for (const m of this.options.metas) select.append(elAttrs('option', { value: m.id }, m.title || m.id));
    return select;
  },

  _exportForm() {
    const form = elAttrs('form', { class: 'formats-export' });
    form.append(elAttrs('h3', {}, 'Export'));
    const layer = this._layerSelect('export-layer');
    const format = elAttrs('select', { id: 'export-format' });
    FORMATS.forEach(([, label], i) => format.append(elAttrs('option', { value: String(i) }, label)));
    const scope = elAttrs('select', { id: 'export-scope' });
    scope.append(elAttrs('option', { value: 'day' }, 'at the slider date'), elAttrs('option', { value: 'window' }, 'event window'),
      elAttrs('option', { value: 'all' }, 'all time'));
    const link = elAttrs('a', { id: 'export-link', class: 'button', download: '' }, 'Download');
    const refresh = () => {
      const [ext, , extra] = FORMATS[Number(format.value)];
      link.href = exportUrl(layer.value, ext, extra, scope.value, this.options.day(), this.options.windowStart());
    };
    for (const s of [layer, format, scope]) s.addEventListener('change', refresh);
    link.addEventListener('mousedown', refresh);
    link.addEventListener('focus', refresh);
    refresh();
    form.append(labelled('Layer', layer), labelled('Format', format), labelled('Time', scope), link);
    return form;
  },

  _importForm() {
    const form = elAttrs('form', { class: 'formats-import' });
    form.append(elAttrs('h3', {}, 'Import'));
    const file = elAttrs('input', { type: 'file', id: 'import-file', accept: '.csv,.gpkg,.geojson,.json' });
    const layer = this._layerSelect('import-layer');
    const format = elAttrs('select', { id: 'import-format' });
    format.append(elAttrs('option', { value: 'acled' }, 'ACLED CSV'), elAttrs('option', { value: 'gpkg' }, 'GeoPackage'),
      elAttrs('option', { value: 'geojson' }, 'GeoJSON'));
    const validFrom = elAttrs('input', { id: 'import-validfrom', placeholder: 'GeoPackage: column of the valid-from date' });
    const start = elAttrs('button', { type: 'submit', id: 'import-start' }, 'Import');
    const cancel = elAttrs('button', { type: 'button', id: 'import-cancel', hidden: '' }, 'Cancel');
    const progress = elAttrs('progress', { id: 'import-progress', max: '100', value: '0', hidden: '' });
    const status = elAttrs('p', { id: 'import-status', class: 'tool-status', 'aria-live': 'polite' });
    const errors = elAttrs('ul', { id: 'import-errors', class: 'tool-list' });
    form.append(labelled('File', file), labelled('Into layer', layer), labelled('Format', format),
      labelled('Valid from', validFrom), start, cancel, progress, status, errors);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!file.files.length) {
        status.textContent = 'Choose a file first.';
        return;
      }
      const q = new URLSearchParams({ layer: layer.value, format: format.value });
      if (format.value === 'gpkg' && validFrom.value.trim()) q.set('validFrom', validFrom.value.trim());
      errors.replaceChildren();
      status.textContent = 'Uploading…';
      start.disabled = true;
      const res = await fetch(`/api/imports?${q}`, { method: 'POST', body: file.files[0],
        headers: { 'Content-Type': 'application/octet-stream', 'X-XSRF-TOKEN': csrfToken() } });
      if (res.status !== 202) {
        status.textContent = `Refused: ${await problemText(res)}`;
        start.disabled = false;
        return;
      }
      const job = await res.json();
      progress.hidden = false;
      cancel.hidden = false;
      cancel.onclick = () => fetch(`/api/imports/${encodeURIComponent(job.id)}`, { method: 'DELETE',
        headers: { 'X-XSRF-TOKEN': csrfToken() } });
      this._follow(job.id, { progress, status, errors, start, cancel });
    });
    return form;
  },

  async _follow(id, ui) {
    const res = await fetch(`/api/imports/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
    const job = res.ok ? await res.json() : { state: 'failed', detail: await problemText(res), percent: 0 };
    ui.progress.value = job.percent;
    ui.status.textContent = `${job.state}: ${job.rowsRead ?? 0} rows read, ${job.rowsAccepted ?? 0} accepted, `
      + `${job.rowsRefused ?? 0} refused${job.detail ? ` — ${job.detail}` : ''}`;
    if (['done', 'failed', 'cancelled'].includes(job.state)) {
      ui.start.disabled = false;
      ui.cancel.hidden = true;
      for (const err of (job.problem?.errors || []).slice(0, 20)) {
        ui.errors.append(elAttrs('li', {}, `line ${err.line}: ${err.problem}`));
      }
      if (job.state === 'done') this._box.dispatchEvent(new CustomEvent('imported', { bubbles: true, detail: job }));
      return;
    }
    this._timer = setTimeout(() => this._follow(id, ui), this.options.pollMs);
  },
});

function labelled(text, control) {
  const label = elAttrs('label', {}, `${text} `);
  label.append(control);
  return label;
}
