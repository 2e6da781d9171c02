// Reading data that came from outside (parsed YAML or JSON of a catalog or a spec) without
// trusting its shape: a wrong type reads as absent, never as a crash.

/** A non-empty string, trimmed, or undefined. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A mapping, or an empty one. */
export const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A list, or an empty one. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
