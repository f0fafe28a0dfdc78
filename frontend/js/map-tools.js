// The map's own tools, one Leaflet control per file: scale bar, coordinate readout, measuring, print.
import { CoordsControl } from './coords-control.js';
import { MeasureControl } from './measure-control.js';
import { PrintControl } from './print-control.js';
import { scaleControl } from './scale-control.js';

export function addMapTools(map, { date, sources, legend }) {
  const tools = {
    scale: scaleControl().addTo(map),
    coords: new CoordsControl().addTo(map),
    measure: new MeasureControl().addTo(map),
    print: new PrintControl({ date, sources, legend }).addTo(map),
  };
  window.__mapTools = tools; // for tests
  return tools;
}
