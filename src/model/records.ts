// Records keyed by text from outside (speaker labels, header keys, words, names). A plain {} or
// object literal answers "constructor", "toString" or "__proto__" from Object.prototype, and
// assigning "__proto__" changes its prototype instead of adding an entry. These have no prototype,
// so every such name is only ever its own entry.

/** A lookup table whose keys may be asked for with any text. */
export function table<V>(entries: Readonly<Record<string, V>>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}

/** An empty record to fill with names from the input. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** `record[key]` if it is the record's own entry. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Nested objects and arrays kept in a copy; deeper ones are left out. */
const MAX_DEPTH = 64;
/** Values copied in all: data shared many times over (a DAG) cannot make the copy explode. */
const MAX_VALUES = 100_000;

/**
 * A copy of data from outside (a transcript's meta, handed to the library) that is plain JSON data:
 * a cycle becomes "[circular]"; functions, symbols and undefined are left out, and so is a
 * property whose getter throws or an object that cannot be read (a revoked proxy); a bigint becomes
 * its digits; `toJSON` (a Date) is honoured; a non-finite number becomes null, as JSON writes it;
 * a typed array (a Buffer) becomes an array of its numbers, and an array's holes nulls.
 * Writing the result can then never throw, and nothing in it runs code later.
 */
export function plainCopy(value: unknown): unknown {
  let budget = MAX_VALUES;
  const path = new Set<object>();
  const copy = (v: unknown, depth: number): unknown => {
    if (budget-- <= 0) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object') return undefined;
    if (path.has(v)) return '[circular]';
    if (depth >= MAX_DEPTH) return undefined;
    path.add(v);
    try {
      // An array or a typed array (a Buffer too, before its toJSON) by index, as far as the budget
      // goes: `map` and `Object.keys` visit every index of a sparse array of length 2^32 - 1 or of
      // a typed array of millions, and a hole left as a hole is written as millions of nulls.
      if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
        const items = v as ArrayLike<unknown>;
        const out: unknown[] = [];
        for (let i = 0; i < items.length && budget > 0; i++) out.push(copy(items[i], depth + 1) ?? null);
        return out;
      }
      const toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return copy(toJSON.call(v), depth + 1);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        let item: unknown;
        try {
          item = copy((v as Record<string, unknown>)[key], depth + 1);
        } catch {
          continue; // a getter that throws
        }
        // defineProperty: "__proto__" stays an ordinary key.
        if (item !== undefined) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
      return out;
    } catch {
      return undefined; // an object that cannot be read at all
    } finally {
      path.delete(v);
    }
  };
  return copy(value, 0);
}
