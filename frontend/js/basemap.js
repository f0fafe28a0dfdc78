// The basemap: offline vector outlines shipped with the app by default, XYZ tiles when the server names a
// tile URL. Offline layers come from /basemap/{name}.geojson (Natural Earth land and borders, town labels).
import { el } from './dom.js';

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/geo+json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** Minimum zoom at which a place of this rank gets a label. */
const LABEL_ZOOM = { 1: 0, 2: 7, 3: 9 };

export async function addBasemap(map, { tilesUrl, tilesAttribution }) {
  map.createPane('fl-basemap').style.zIndex = '250';
  const labelPane = map.createPane('fl-labels');
  labelPane.style.zIndex = '450';
  labelPane.style.pointerEvents = 'none';

  if (tilesUrl) {
    // Leaflet puts attributions in as HTML; the setting is plain text, so escape it
    const text = el('span', null, tilesAttribution || '').innerHTML;
    L.tileLayer(tilesUrl, { attribution: text, maxZoom: 18 }).addTo(map);
    return { places: [] };
  }
  map.getContainer().classList.add('offline-basemap');
  map.attributionControl.addAttribution('Natural Earth (public domain)');
  const renderer = L.svg({ pane: 'fl-basemap', padding: 0.5 });
  const [land, borders, places] = await Promise.all(
    ['land', 'borders', 'places'].map((name) => getJson(`/basemap/${name}.geojson`)));
  L.geoJSON(land, { renderer, interactive: false,
    style: { color: '#9aa3a8', weight: 0.8, fillColor: '#f3f1ea', fillOpacity: 1 } }).addTo(map);
  L.geoJSON(borders, { renderer, interactive: false,
    style: { color: '#8c7b8f', weight: 1.2, dashArray: '5 3 1 3', opacity: 0.9 } }).addTo(map);

  const labels = L.layerGroup().addTo(map);
  const markers = places.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const rank = Number(f.properties.rank) || 3;
    const html = el('span', `place-label rank-${rank}`, f.properties.name);
    const marker = L.marker([lat, lon], {
      pane: 'fl-labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'place-label-icon', html, iconSize: null }),
    });
    return { marker, rank };
  });
  const showLabels = () => {
    const z = map.getZoom();
    for (const { marker, rank } of markers) {
      const show = z >= (LABEL_ZOOM[rank] ?? 9);
      if (show && !labels.hasLayer(marker)) labels.addLayer(marker);
      if (!show && labels.hasLayer(marker)) labels.removeLayer(marker);
    }
  };
  map.on('zoomend', showLabels);
  showLabels();
  return {
    places: places.features.map((f) => ({
      name: f.properties.name, kind: f.properties.kind || 'place',
      latlng: [f.geometry.coordinates[1], f.geometry.coordinates[0]],
    })),
  };
}
