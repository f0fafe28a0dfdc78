// The agreement JSON form (new agreement on the list page, a correction on an agreement's page).
import { api } from './briefing-http.js';

const form = document.getElementById('agreement-form');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const err = form.querySelector('.error');
  err.hidden = true;
  let body;
  try {
    body = JSON.parse(form.elements.body.value);
  } catch (x) {
    err.textContent = `The agreement is not valid JSON: ${x.message}`;
    err.hidden = false;
    return;
  }
  const reason = form.elements.reason ? `?reason=${encodeURIComponent(form.elements.reason.value)}` : '';
  try {
    const a = await api(form.dataset.method, form.dataset.url + reason, body);
    location.href = `/agreements/${encodeURIComponent(a.id)}`;
  } catch (x) {
    err.textContent = x.message;
    err.hidden = false;
  }
});
