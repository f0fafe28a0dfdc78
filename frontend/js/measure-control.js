// Measuring tool: click points on the map for a geodesic distance; close the shape for its area.
// Esc or the button ends it; the result stays until the next measurement.
import { area, pathLength } from './geodesy.js';

function km(m) {
  return m >= 10000 ? `${(m / 1000).toFixed(1)} km` : m >= 1000 ? `${(m / 1000).toFixed(2)} km` : `${Math.round(m)} m`;
}

export const MeasureControl = L.Control.extend({
  options: { position: 'topleft' },

  onAdd(map) {
    this.map = map;
    const box = L.DomUtil.create('div', 'leaflet-bar leaflet-control fl-measure');
    this.button = L.DomUtil.create('button', 'fl-measure-button', box);
    this.button.type = 'button';
    this.button.textContent = '📏';
    this.button.title = 'Measure distance and area';
    this.button.setAttribute('aria-label', 'Measure distance and area');
    this.button.setAttribute('aria-pressed', 'false');
    this.out = L.DomUtil.create('output', 'fl-measure-result', box);
    this.out.hidden = true;
    this.group = L.featureGroup().addTo(map);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(this.button, 'click', () => (this.active ? this.stop() : this.start()));
    this.onClick = (e) => this.add(e.latlng);
    this.onKey = (e) => { if (e.key === 'Escape' && this.active) this.stop(); };
    return box;
  },

  onRemove(map) {
    this.stop();
    this.group.remove();
    map.off('click', this.onClick);
  },

  start() {
    this.active = true;
    this.points = [];
    this.closed = false;
    this.group.clearLayers();
    this.button.setAttribute('aria-pressed', 'true');
    this.map.getContainer().classList.add('fl-measuring');
    this.map.on('click', this.onClick);
    document.addEventListener('keydown', this.onKey);
    this.out.hidden = false;
    this.out.textContent = 'Click points; click the first again to close an area. Esc ends.';
  },

  stop() {
    if (!this.active) return;
    this.active = false;
    this.button.setAttribute('aria-pressed', 'false');
    this.map.getContainer().classList.remove('fl-measuring');
    this.map.off('click', this.onClick);
    document.removeEventListener('keydown', this.onKey);
    if (!this.points.length) this.out.hidden = true;
  },

  /** Adds a point (also for keyboard users and tests: control.add(L.latLng(lat, lon))). */
  add(latlng) {
    const first = this.points[0];
    if (first && this.points.length >= 3 && this.map.latLngToContainerPoint(first)
      .distanceTo(this.map.latLngToContainerPoint(latlng)) < 10) {
      this.closed = true;
      this.draw();
      this.stop();
      return;
    }
    this.points.push(latlng);
    this.draw();
  },

  result() {
    const pts = this.points.map((p) => [p.lat, p.lng]);
    const ring = this.closed ? [...pts, pts[0]] : pts;
    return { metres: pathLength(ring), squareMetres: this.closed ? area(pts) : null };
  },

  draw() {
    this.group.clearLayers();
    const style = { color: '#1a1a1a', weight: 2, dashArray: '4 4', interactive: false };
    const line = this.closed ? L.polygon(this.points, { ...style, fillOpacity: 0.1 }) : L.polyline(this.points, style);
    this.group.addLayer(line);
    for (const p of this.points) {
      this.group.addLayer(L.circleMarker(p, { radius: 3, color: '#1a1a1a', fillOpacity: 1, interactive: false }));
    }
    const r = this.result();
    this.out.textContent = this.closed
      ? `perimeter ${km(r.metres)}, area ${(r.squareMetres / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} km²`
      : `distance ${km(r.metres)}`;
  },
});
