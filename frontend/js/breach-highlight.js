// The breaches of the agreement chosen in the map's agreements panel, as the events layer draws them: the event's
// own symbol with a thick outline in BREACH_COLOR, and a "Breach of …" line in its popup. The panel sets them
// (setBreaches); the events layer and the popups read them (breachesOf); a 'frontline:breaches' window event tells
// the map to redraw. No DOM and no Leaflet here, so node can test it.

/** Vermillion (Okabe & Ito): not an event-type colour, so an outline in it reads as "breach" on any event. */
export const BREACH_COLOR = '#d55e00';

let chosen = { agreement: null, byEvent: new Map() };

/**
 * The breaches of a /api/agreements/{id}/breaches answer per event id: each event's clauses (an event breaching
 * two clauses is listed under both), in the order the answer gives them.
 */
export function indexBreaches(fc) {
  const byEvent = new Map();
  for (const f of fc?.features ?? []) {
    const p = f?.properties ?? {};
    if (p.eventId == null || p.clause == null) continue;
    const id = String(p.eventId);
    const list = byEvent.get(id) ?? [];
    if (!list.some((b) => b.clause === p.clause)) list.push({ clause: String(p.clause), clauseType: p.clauseType ?? null });
    byEvent.set(id, list);
  }
  return byEvent;
}

/** An event's style when it breaches: its own fill, a thick outline in BREACH_COLOR, drawn a little larger. */
export function breachStyle(style) {
  const radius = Number(style?.radius) || 5;
  return { ...style, color: BREACH_COLOR, weight: 3, opacity: 1, radius: radius + 2 };
}

/** The popup's lines for an event's breaches, e.g. "Breach of dmz (demilitarised-zone) — Sochi memorandum". */
export function breachLines(breaches, agreementName) {
  return (breaches ?? []).map((b) => `Breach of ${b.clause}${b.clauseType ? ` (${b.clauseType})` : ''}`
    + (agreementName ? ` — ${agreementName}` : ''));
}

/** Chooses the agreement whose breaches are highlighted (null: none) and asks the map to redraw. */
export function setBreaches(agreement, byEvent) {
  if (!agreement && !chosen.agreement) return; // nothing was highlighted, nothing is: no redraw
  chosen = { agreement: agreement ?? null, byEvent: agreement ? byEvent ?? new Map() : new Map() };
  globalThis.window?.dispatchEvent(new CustomEvent('frontline:breaches', { detail: { agreement: chosen.agreement } }));
}

/** The chosen agreement ({ id, name }) or null. */
export function chosenAgreement() {
  return chosen.agreement;
}

/** The clauses an event breaches in the chosen agreement (empty when none or nothing is chosen). */
export function breachesOf(eventId) {
  return chosen.byEvent.get(String(eventId)) ?? [];
}

/** The popup lines for an event under the chosen agreement. */
export function breachLinesOf(eventId) {
  return breachLines(breachesOf(eventId), chosen.agreement?.name);
}
