/**
 * The one order every list on the site and in the export uses: natural, so "Repository 2" comes
 * before "Repository 10", and case-insensitive, so "api" and "API" sit together. Ties are broken
 * by code point, so the order is total and stable across machines.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A compare function for items by a text key, in natural order. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => naturalCompare(key(a), key(b));
}

/** A sorted copy, in natural order of the key (the item itself when it is text). */
export function naturalSorted<T>(items: Iterable<T>, key: (item: T) => string = (item) => String(item)): T[] {
  return [...items].sort(byKey(key));
}
