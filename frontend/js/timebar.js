// The time bar: a slider over the data's days, step buttons, arrow keys and play/pause.
import { addUnits, dayInWords, isoDay, shortDay, windowStart } from './dates.js';

export function setupTimebar({ extent, onDay, onWindow, onPlay }) {
  const slider = document.getElementById('slider');
  const label = document.getElementById('date-label');
  const windowSelect = document.getElementById('window');
  const play = document.getElementById('play');
  const speed = document.getElementById('speed');
  let day = extent.end;
  let timer = null;

  slider.min = '0';
  slider.max = String(extent.end - extent.start);

  const clamp = (d) => Math.min(extent.end, Math.max(extent.start, d));

  const show = () => {
    slider.value = String(day - extent.start);
    slider.setAttribute('aria-valuetext', dayInWords(day));
    const win = windowSelect.value;
    const from = windowStart(day, win, extent.start);
    label.textContent = dayInWords(day);
    label.title = win === 'day' ? `events on ${dayInWords(day)}`
      : `events from ${shortDay(from)} to ${dayInWords(day)}`;
    label.dataset.iso = isoDay(day);
  };

  /** Moves to a day; `how` tells the caller whether it was a drag, a step, playback or a restore. */
  const setDay = (d, how) => {
    const next = clamp(d);
    if (next === day && how !== 'force') return null;
    day = next;
    show();
    return how === 'silent' ? null : onDay(day, how);
  };

  const stop = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    play.textContent = '▶';
    play.setAttribute('aria-label', 'Play');
    play.classList.remove('playing');
  };

  // Each tick waits for the previous frame's data (onDay returns its promise), so playback never piles up.
  const tick = async () => {
    if (day >= extent.end) return stop();
    await setDay(day + 1, 'play');
    if (!timer) return;
    timer = setTimeout(tick, Number(speed.value) || 400);
  };

  slider.addEventListener('input', () => {
    stop();
    setDay(extent.start + Number(slider.value), 'drag');
  });
  slider.addEventListener('change', () => setDay(extent.start + Number(slider.value), 'settle'));
  slider.addEventListener('keydown', (e) => {
    // the range input moves by a day natively; Page keys step a month
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      stop();
      setDay(addUnits(day, e.key === 'PageUp' ? 1 : -1, 'month'), 'step');
    }
  });
  for (const b of document.querySelectorAll('#timebar button.step')) {
    b.addEventListener('click', () => {
      stop();
      setDay(addUnits(day, Number(b.dataset.step), b.dataset.unit), 'step');
    });
  }
  windowSelect.addEventListener('change', () => {
    show();
    onWindow(windowSelect.value);
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (day >= extent.end) setDay(extent.start, 'step');
    play.textContent = '❚❚';
    play.setAttribute('aria-label', 'Pause');
    play.classList.add('playing');
    onPlay();
    timer = setTimeout(tick, 0);
  });
  // Arrow keys anywhere outside form fields and the map (which pans with them) step the date.
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (t.closest?.('input, select, textarea, button, #map')) return;
    const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    stop();
    setDay(addUnits(day, dir, e.shiftKey ? 'week' : 'day'), 'step');
  });

  show();
  return {
    day: () => day,
    win: () => windowSelect.value,
    setDay,
    setWindow: (w) => {
      windowSelect.value = w;
      show();
    },
    stop,
  };
}
