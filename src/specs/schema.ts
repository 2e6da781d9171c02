/** A JSON Schema as a spec holds it, after `$ref`s are resolved (it may contain itself). */
export type Schema = Record<string, unknown>;
