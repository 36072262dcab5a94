import { addTo } from '../../src/model/multimap';

test('addTo appends to the key\'s list, making it with its first value', () => {
  const m = new Map<string, number[]>();
  addTo(m, 'a', 1);
  addTo(m, 'b', 2);
  addTo(m, 'a', 3);
  expect([...m]).toEqual([['a', [1, 3]], ['b', [2]]]);
});
