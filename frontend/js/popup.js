// Feature popups, built as DOM nodes with textContent only: every string here comes from data.
import { dayInWords, parseDay, validInWords } from './dates.js';
import { el } from './dom.js';

export function featureName(props, fallback) {
  return props?.name ?? props?.title ?? props?.placeName ?? fallback ?? '';
}

function dateText(value) {
  const day = parseDay(value);
  return day == null ? null : dayInWords(day);
}

/** Only absolute http(s) links become anchors; anything else (javascript:, data:) stays text. */
export function safeHttpUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function row(dl, label, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, label), el('dd', null, value));
}

/** {@code flags}: lines shown under the title, e.g. the agreement clauses an event breaches. */
export function buildPopup(feature, meta, actions = [], flags = []) {
  const p = feature.properties || {};
  const root = el('div', 'feature-popup');
  root.append(el('h3', 'popup-title', featureName(p, feature.id)));
  for (const line of flags) root.append(el('p', 'popup-breach', line));

  const typeParts = [p.eventType, p.subEventType, p.party, p.zoneType, p.status].filter((v) => v != null && v !== '');
  root.append(el('div', 'popup-type', `${meta.title || meta.id}${typeParts.length ? ' · ' + typeParts.join(' · ') : ''}`));

  const dl = el('dl', 'popup-facts');
  const valid = validInWords(p.validFrom, p.validTo);
  const precision = p.timePrecision ? ` (precise to the ${p.timePrecision})` : '';
  // valid time ends exclusively in the data; shown inclusively: an event of 23 August reads '23 August 2019'
  if (meta.kind === 'event') {
    row(dl, 'Date', valid ? valid + precision : null);
  } else if (valid) {
    row(dl, 'Valid', valid + precision);
  }
  if (p.placeName && p.placeName !== featureName(p)) row(dl, 'Place', p.placeName);
  row(dl, 'Killed', p.fatalities);
  row(dl, 'Displaced', p.displaced);
  row(dl, 'Confidence', p.confidence);
  row(dl, 'Location', p.geoPrecision ? `${p.geoPrecision}` : null);
  root.append(dl);

  if (p.notes) root.append(el('p', 'popup-notes', p.notes));

  if (p.sourcePublisher || p.sourceUrl || p.sourceDate) {
    const src = el('div', 'popup-source');
    src.append(el('span', 'label', 'Source: '));
    const name = [p.sourcePublisher, dateText(p.sourceDate)].filter(Boolean).join(', ');
    const href = safeHttpUrl(p.sourceUrl);
    if (href) {
      const a = el('a', null, name || href);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      src.append(a);
    } else {
      src.append(el('span', null, name || p.sourceUrl || ''));
    }
    root.append(src);
  }

  if (feature.id != null) {
    const history = el('a', 'popup-history', 'History of this feature');
    history.href = `/api/features/${encodeURIComponent(feature.id)}/history`;
    history.target = '_blank';
    root.append(history);
  }
  for (const action of actions) {
    const b = el('button', 'popup-action', action.label);
    b.type = 'button';
    b.addEventListener('click', action.run);
    root.append(b);
  }
  return root;
}
