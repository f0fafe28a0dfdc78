// Reading the API's answers: errors are RFC 9457 problem+json ({ type, title, status, detail }).

/** The message of a failed answer whose body is already parsed (or null): its detail, else its title, else the status. */
export function problemMessage(body, res) {
  return (body && (body.detail || body.title)) || `HTTP ${res.status}`;
}

/** Reads a failed answer's problem+json body, if it has one, and returns its message. */
export async function problemText(res) {
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  return problemMessage(body, res);
}

/** The CSRF token Spring Security expects back (cookie XSRF-TOKEN → header X-XSRF-TOKEN). */
export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}
