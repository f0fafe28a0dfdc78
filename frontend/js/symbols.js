// Point symbols (circle, triangle, square, diamond, cross) as small SVG elements, built through the DOM: the
// shape comes from style.js, the colour is a normalised '#rrggbb' from it too.
import { symbolPath } from './style.js';

const SVG = 'http://www.w3.org/2000/svg';

/** An <svg> of radius r (plus a 2 px halo) with the symbol filled in colour and outlined dark over white. */
export function symbolSvg(symbol, colour, r) {
  const size = Math.round(2 * r + 4);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('fl-symbol', `fl-symbol-${symbol}`);
  const d = symbolPath(symbol, r, size / 2, size / 2);
  const halo = document.createElementNS(SVG, 'path');
  halo.setAttribute('d', d);
  halo.setAttribute('fill', 'none');
  halo.setAttribute('stroke', '#ffffff');
  halo.setAttribute('stroke-width', '3');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', d);
  shape.setAttribute('fill', colour);
  shape.setAttribute('stroke', '#222222');
  shape.setAttribute('stroke-width', '1.2');
  svg.append(halo, shape);
  return svg;
}
