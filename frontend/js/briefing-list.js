// "New briefing" on the list page.
import { api } from './briefing-http.js';

const form = document.getElementById('new-briefing');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const err = form.querySelector('.error');
  try {
    const b = await api('POST', '/api/briefings', { title: form.elements.title.value, summary: form.elements.summary.value });
    location.href = `/briefings/${encodeURIComponent(b.slug)}/edit`;
  } catch (x) {
    err.textContent = x.message;
    err.hidden = false;
  }
});
