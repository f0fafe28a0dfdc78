// node --test: the answer cache of the map (frontend/js/lru.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { Lru } from '../../../frontend/js/lru.js';

test('the least recently used entry goes first', () => {
  const c = new Lru(2);
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1); // a is now the most recent
  c.set('c', 3);
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('c'), 3);
  assert.equal(c.size, 2);
});

test('setting a key again replaces it without growing', () => {
  const c = new Lru(3);
  c.set('a', 1);
  c.set('a', 2);
  assert.equal(c.size, 1);
  assert.equal(c.get('a'), 2);
  assert.equal(c.get('missing'), undefined);
});
