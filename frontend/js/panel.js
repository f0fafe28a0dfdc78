// The side panel folds away (on a phone it starts folded, so the map and the time bar have the screen).
const panel = document.getElementById('panel');
const toggle = document.getElementById('panel-toggle');
const body = document.getElementById('panel-body');

function set(open) {
  body.hidden = !open;
  panel.classList.toggle('collapsed', !open);
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = open ? 'Hide panel' : 'Layers & tools';
}

if (panel && toggle && body) {
  set(!window.matchMedia('(max-width: 600px)').matches);
  toggle.addEventListener('click', () => set(body.hidden));
}
