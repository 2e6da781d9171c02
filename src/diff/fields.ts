// How two values differ, field by field: deep paths, list items matched by an id-like field
// where they have one (consumers[mail], operations[GET /orders]), old → new.

/** One field that changed: its path (`contacts.primary`, `consumers[email-service].handling`), and its values before and after (absent where there was none). */
export interface FieldChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

export type Plain = Record<string, unknown>;
export const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}

const ID_FIELDS = ['id', 'repository', 'name', 'team', 'table', 'route', 'title', 'status'];

/** How items of these arrays are told apart: METHOD path for operations, else the first id-like field every item has, distinct on each side. */
function keyOf(a: unknown[], b: unknown[]): ((item: unknown) => string) | undefined {
  const items = [...a, ...b];
  if (items.length === 0 || !items.every(isPlain)) return undefined;
  const distinct = (key: (x: Plain) => string) => [a, b].every((side) => new Set((side as Plain[]).map(key)).size === side.length);
  const plain = items as Plain[];
  if (plain.every((x) => typeof x.method === 'string' && typeof x.path === 'string')) {
    const key = (x: Plain) => `${String(x.method)} ${String(x.path)}`;
    if (distinct(key)) return key as (item: unknown) => string;
  }
  for (const field of ID_FIELDS) {
    if (!plain.every((x) => typeof x[field] === 'string')) continue;
    const key = (x: Plain) => String(x[field]);
    if (distinct(key)) return key as (item: unknown) => string;
  }
  return undefined;
}

/** Every field that differs between `a` and `b`, deep: objects by key, arrays by their items' ids (or by position when the length is kept). */
export function fieldChanges(a: unknown, b: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  if (equal(a, b)) return out;
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if ((isPlain(a) || a === undefined) && (isPlain(b) || b === undefined) && (a !== undefined || b !== undefined)) {
    const x = (a ?? {}) as Plain;
    const y = (b ?? {}) as Plain;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) fieldChanges(x[k], y[k], join(k), out);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = keyOf(a, b);
    if (key) {
      const after = new Map(b.map((item) => [key(item), item]));
      const before = new Set(a.map(key));
      for (const item of a) {
        const k = key(item);
        if (after.has(k)) fieldChanges(item, after.get(k), `${path}[${k}]`, out);
        else out.push({ path: `${path}[${k}]`, old: item });
      }
      for (const item of b) if (!before.has(key(item))) out.push({ path: `${path}[${key(item)}]`, new: item });
      return out;
    }
    if (a.length === b.length && a.some((x) => isPlain(x) || Array.isArray(x))) {
      for (const [i, item] of a.entries()) fieldChanges(item, b[i], `${path}[${i}]`, out);
      return out;
    }
  }
  const change: FieldChange = { path };
  if (a !== undefined) change.old = a;
  if (b !== undefined) change.new = b;
  out.push(change);
  return out;
}
