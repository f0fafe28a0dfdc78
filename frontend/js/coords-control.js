// Coordinate readout: the pointer's position in decimal degrees, or as an MGRS reference (click to switch).
import { mgrs } from './geodesy.js';

export const CoordsControl = L.Control.extend({
  options: { position: 'bottomright', mode: 'dd' },

  onAdd(map) {
    const box = L.DomUtil.create('div', 'leaflet-control fl-coords');
    this.button = L.DomUtil.create('button', 'fl-coords-mode', box);
    this.button.type = 'button';
    this.out = L.DomUtil.create('output', 'fl-coords-value', box);
    this.out.setAttribute('aria-live', 'off');
    this.mode = this.options.mode;
    this.last = map.getCenter();
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(this.button, 'click', () => {
      this.mode = this.mode === 'dd' ? 'mgrs' : 'dd';
      this.show(this.last);
    });
    this.onMove = (e) => this.show(e.latlng);
    map.on('mousemove', this.onMove);
    this.show(this.last);
    return box;
  },

  onRemove(map) {
    map.off('mousemove', this.onMove);
  },

  show(latlng) {
    this.last = latlng;
    this.button.textContent = this.mode === 'dd' ? 'DD' : 'MGRS';
    this.button.title = this.mode === 'dd' ? 'Show MGRS' : 'Show decimal degrees';
    this.button.setAttribute('aria-label', `Coordinate format: ${this.button.title.replace('Show ', '')}`);
    const { lat, lng } = latlng;
    this.out.textContent = this.mode === 'dd'
      ? `${lat.toFixed(5)}, ${lng.toFixed(5)}`
      : mgrs(lat, lng) ?? 'outside the MGRS UTM bands';
  },
});
