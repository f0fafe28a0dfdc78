// Print layout through the browser's print: the map with its scale bar, then the date, a key of the layers
// shown and the sources of what is drawn (styles in map.css, @media print).
import { el } from './dom.js';

export const PrintControl = L.Control.extend({
  options: { position: 'topleft', date: () => '', sources: () => [], legend: () => null },

  onAdd() {
    const box = L.DomUtil.create('div', 'leaflet-bar leaflet-control fl-print');
    const button = L.DomUtil.create('button', 'fl-print-button', box);
    button.type = 'button';
    button.textContent = '🖨';
    button.title = 'Print the map (map, key, scale, date, sources)';
    button.setAttribute('aria-label', 'Print the map');
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(button, 'click', () => {
      this.prepare();
      window.print();
    });
    this.beforePrint = () => this.prepare();
    window.addEventListener('beforeprint', this.beforePrint); // Ctrl+P too
    return box;
  },

  onRemove() {
    window.removeEventListener('beforeprint', this.beforePrint);
  },

  /** Fills the print sheet (hidden on screen). */
  prepare() {
    let sheet = document.getElementById('print-sheet');
    if (!sheet) {
      sheet = document.createElement('section');
      sheet.id = 'print-sheet';
      sheet.setAttribute('aria-hidden', 'true');
      document.body.append(sheet);
    }
    sheet.replaceChildren(el('h1', null, `Frontline — ${this.options.date()}`));
    const legend = this.options.legend();
    if (legend) {
      const key = el('div');
      key.className = 'print-key';
      key.append(el('h2', null, 'Key'), legend);
      sheet.append(key);
    }
    const sources = this.options.sources();
    sheet.append(el('h2', null, 'Sources'), el('p', null, sources.length ? sources.join('; ') : 'none recorded'));
    sheet.append(el('p', null, 'Basemap: Natural Earth (public domain). Place names: GeoNames (CC BY 4.0). '
      + `Printed ${new Date().toISOString().slice(0, 10)} from ${location.href}`));
  },
});
