// A metric scale bar (Leaflet's own), bottom left; it prints with the map.
export function scaleControl() {
  return L.control.scale({ position: 'bottomleft', metric: true, imperial: false, maxWidth: 160 });
}
