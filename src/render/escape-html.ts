/** Text to put inside HTML elements or quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text escaped as escapeHtml does, with a line break offered (`<wbr>`) where a long token reads well
 * broken: after a run of separators (/ . : _ - ? & = @) and between a lower-case letter and a
 * capital (listOrders). A table's endpoint, credentials reference or operationId then wraps as
 * "https://api." / "example/v1" rather than wherever `overflow-wrap: anywhere` would break it.
 */
export function breakableHtml(value: unknown): string {
  return String(value ?? '')
    .split(/(?<=[/.:_?&=@-])(?![/.:_?&=@-]|$)|(?<=[a-z])(?=[A-Z])/)
    .map(escapeHtml)
    .join('<wbr>');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text an escaped HTML fragment stands for: character references decoded, nothing else. */
export function decodeHtml(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
