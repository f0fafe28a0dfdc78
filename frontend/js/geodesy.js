// Geodesic measures on the WGS84 ellipsoid for the map tools (no dependencies, so node can test it):
// distances by Vincenty's inverse formula, areas on the authalic sphere (error well under 0.5% at these sizes),
// and MGRS grid references through UTM (Krüger series).

const A = 6378137;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const RAD = Math.PI / 180;

/** Metres between two [lat, lon] points along the ellipsoid (Vincenty; falls back to a sphere if it fails). */
export function distance([lat1, lon1], [lat2, lon2]) {
  const L = (lon2 - lon1) * RAD;
  const U1 = Math.atan((1 - F) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - F) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1); const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2); const cosU2 = Math.cos(U2);
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda); const cosL = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const C = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
    const prev = lambda;
    lambda = L + (1 - C) * F * sinAlpha
      * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - prev) < 1e-12) {
      const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
      const a = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const b = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const dSigma = b * sinSigma * (cos2SigmaM + (b / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
        - (b / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return B * a * (sigma - dSigma);
    }
  }
  return 6371008.8 * Math.acos(Math.min(1, Math.sin(lat1 * RAD) * Math.sin(lat2 * RAD)
    + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.cos(L))); // antipodal: no convergence
}

/** Length of a path of [lat, lon] points, metres. */
export function pathLength(points) {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1], points[i]);
  return total;
}

const AUTHALIC_R = 6371007.181;

/** Area of a ring of [lat, lon] points (closed or not), square metres, on the authalic sphere. */
export function area(points) {
  if (points.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [lat1, lon1] = points[i];
    const [lat2, lon2] = points[(i + 1) % points.length];
    sum += (lon2 - lon1) * RAD * (2 + Math.sin(authalicLat(lat1)) + Math.sin(authalicLat(lat2)));
  }
  return Math.abs((sum * AUTHALIC_R * AUTHALIC_R) / 2);
}

function authalicLat(lat) {
  const e2 = F * (2 - F);
  const e = Math.sqrt(e2);
  const q = (s) => (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s)));
  return Math.asin(q(Math.sin(lat * RAD)) / q(1));
}

/** UTM zone, hemisphere, easting and northing of a point (Krüger series to n³; mm-level in the zone). */
export function utm(lat, lon) {
  let zone = Math.floor((lon + 180) / 6) + 1;
  if (lat >= 56 && lat < 64 && lon >= 3 && lon < 12) zone = 32;
  if (lat >= 72) zone = lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : lon < 42 ? 37 : zone;
  const lon0 = (zone - 1) * 6 - 180 + 3;
  const k0 = 0.9996;
  const n = F / (2 - F);
  const A1 = (A / (1 + n)) * (1 + (n * n) / 4 + (n ** 4) / 64);
  const alpha = [(n / 2) - (2 / 3) * n * n + (5 / 16) * n ** 3, (13 / 48) * n * n - (3 / 5) * n ** 3,
    (61 / 240) * n ** 3];
  const phi = lat * RAD;
  const dl = (lon - lon0) * RAD;
  const e = Math.sqrt(F * (2 - F));
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xi = Math.atan2(t, Math.cos(dl));
  const eta = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
  let x = eta;
  let y = xi;
  for (let j = 1; j <= 3; j++) {
    x += alpha[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    y += alpha[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
  }
  const easting = 500000 + k0 * A1 * x;
  let northing = k0 * A1 * y;
  if (lat < 0) northing += 10000000;
  return { zone, south: lat < 0, easting, northing };
}

const BANDS = 'CDEFGHJKLMNPQRSTUVWXX';
const COLS = ['ABCDEFGH', 'JKLMNPQR', 'STUVWXYZ'];
const ROWS = 'ABCDEFGHJKLMNPQRSTUV';

/** MGRS reference to 1 m, e.g. '37S BV 12345 67890'; null outside 80°S–84°N (the polar grids are not drawn). */
export function mgrs(lat, lon) {
  if (!(lat >= -80 && lat <= 84)) return null;
  const { zone, easting, northing } = utm(lat, lon);
  const band = BANDS[Math.min(20, Math.floor((lat + 80) / 8))];
  const col = COLS[(zone - 1) % 3][Math.floor(easting / 100000) - 1];
  const row = ROWS[(Math.floor(northing / 100000) + (zone % 2 === 0 ? 5 : 0)) % 20];
  const pad = (v) => String(Math.floor(v % 100000)).padStart(5, '0');
  return `${zone}${band} ${col}${row} ${pad(easting)} ${pad(northing)}`;
}
