/**
 * Adds `value` to the list of `key`: the one way the library groups values by a key. A new list is made with its
 * first value (`[value]`, sized for it): an empty list grown by push keeps room for 16, and the read models keep
 * one list per object of the app.
 */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
