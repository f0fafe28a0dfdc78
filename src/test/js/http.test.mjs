// node --test: reading the API's problem+json errors (frontend/js/http.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { problemMessage, problemText } from '../../../frontend/js/http.js';

test('the message is the detail, else the title, else the status', () => {
  const res = { status: 413 };
  assert.equal(problemMessage({ title: 'Payload too large', detail: 'over 10 bytes' }, res), 'over 10 bytes');
  assert.equal(problemMessage({ title: 'Payload too large' }, res), 'Payload too large');
  assert.equal(problemMessage(null, res), 'HTTP 413');
});

test('an answer that is not JSON still gives a message', async () => {
  const html = new Response('<html>proxy error</html>', { status: 502 });
  assert.equal(await problemText(html), 'HTTP 502');
  const problem = new Response(JSON.stringify({ title: 'Not found', detail: "there is no layer 'x'" }),
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  assert.equal(await problemText(problem), "there is no layer 'x'");
});
