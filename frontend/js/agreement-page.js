// One agreement's page: the weekly breach chart stacked by actor, the breach list, and the edit form's JSON.
import { chartModel, drawChart } from './breach-chart.js';
import { problemMessage } from './http.js';

const main = document.getElementById('agreement');
const id = main.dataset.id;
const base = `/api/agreements/${encodeURIComponent(id)}`;

async function json(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(problemMessage(data, res));
  return data;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.append(td);
}

async function chart() {
  const figure = document.getElementById('breach-chart');
  const caption = figure.querySelector('figcaption');
  try {
    const counts = await json(`${base}/breaches/counts?by=week`);
    const model = chartModel(counts);
    figure.prepend(drawChart(model, `Breaches of ${main.querySelector('h1').textContent} per week`));
    caption.textContent = `${counts.total} breaches from ${counts.from} — `
      + model.legend.map((l) => `${l.actor}: ${l.count}`).join(', ');
    const legend = document.createElement('ul');
    legend.className = 'chart-legend';
    for (const l of model.legend) {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = l.colour;
      li.append(sw, document.createTextNode(` ${l.actor} (${l.count})`));
      legend.append(li);
    }
    figure.append(legend);
  } catch (e) {
    caption.textContent = `The chart could not be loaded: ${e.message}`;
  }
}

async function table() {
  const fc = await json(`${base}/breaches`);
  const body = document.querySelector('#breach-table tbody');
  for (const f of fc.features) {
    const p = f.properties;
    const tr = document.createElement('tr');
    cell(tr, p.date);
    cell(tr, p.title || p.eventId);
    cell(tr, p.subEventType || p.eventType);
    cell(tr, p.actorClass);
    cell(tr, p.clause);
    body.append(tr);
  }
}

async function form() {
  const a = await json(base);
  delete a.recordedAt;
  delete a.recordedBy;
  const area = document.querySelector('#agreement-form textarea[name=body]');
  if (area && !area.value) area.value = JSON.stringify(a, null, 2);
}

document.getElementById('breaches-csv').href = `${base}/breaches?f=csv`;
document.getElementById('breaches-geojson').href = `${base}/breaches`;
chart();
table().catch(() => {});
form().catch(() => {});
