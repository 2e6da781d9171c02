/**
 * Hand-written mermaid in the site's look, one drawing for light and dark (issue 24). Mermaid's
 * colour library reads only concrete colours (`var(--x)` is "Unsupported color format"), so a
 * diagram is drawn with theme `base` and the site's LIGHT palette as hex (`PALETTE`, the values of
 * src/styles/site.css and diagrams.css, which test/diagrams/mermaid-theme.test.ts holds equal),
 * and each of those exact colours in the drawing's style is then written as `var(--token, #hex)`
 * (`paletteSvg`): on a page, the site's dark mode changes the custom properties and so the
 * drawing; the bare SVG file, with no such properties, keeps its light look through the fallbacks.
 */

/** The site's light palette: custom property (without `--`) → its light value, lower-case hex. */
export const PALETTE = {
  bg: '#f7f8fb',
  panel: '#ffffff',
  text: '#1b2333',
  muted: '#5a6478',
  border: '#dde2ec',
  accent: '#3556d8',
  'accent-soft': '#e7ecff',
  'warn-soft': '#fff1d6',
  warn: '#9a5b00',
  bad: '#b42318',
  'bad-soft': '#fde7e5',
  code: '#eef1f7',
  'k-service': '#e8edff',
  'k-area': '#f3f5f9',
  'd-line': '#76809a',
} as const;

export type Token = keyof typeof PALETTE;

/** The site's font stack (`--font` in site.css). */
export const SITE_FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Which token each of mermaid's theme colours takes: nodes as the site's own views draw services, lines as theirs. */
const ROLES: Record<string, Token> = {
  background: 'panel',
  mainBkg: 'k-service',
  primaryColor: 'k-service',
  primaryTextColor: 'text',
  primaryBorderColor: 'accent',
  nodeBorder: 'accent',
  nodeTextColor: 'text',
  secondaryColor: 'accent-soft',
  secondaryTextColor: 'text',
  secondaryBorderColor: 'accent',
  tertiaryColor: 'k-area',
  tertiaryTextColor: 'text',
  tertiaryBorderColor: 'border',
  lineColor: 'd-line',
  textColor: 'text',
  titleColor: 'text',
  clusterBkg: 'k-area',
  clusterBorder: 'border',
  edgeLabelBackground: 'panel',
  noteBkgColor: 'warn-soft',
  noteTextColor: 'text',
  noteBorderColor: 'warn',
  actorBkg: 'k-service',
  actorBorder: 'accent',
  actorTextColor: 'text',
  actorLineColor: 'd-line',
  signalColor: 'text',
  signalTextColor: 'text',
  labelBoxBkgColor: 'k-service',
  labelBoxBorderColor: 'accent',
  labelTextColor: 'text',
  loopTextColor: 'text',
  activationBkgColor: 'accent-soft',
  activationBorderColor: 'accent',
  sequenceNumberColor: 'panel',
  errorBkgColor: 'bad-soft',
  errorTextColor: 'bad',
};

/** Mermaid's `themeVariables` for theme `base`: each colour the light value of its token, the site's font. */
export const THEME_VARIABLES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(ROLES).map(([name, token]) => [name, PALETTE[token]])),
  fontFamily: SITE_FONT,
};

const BY_HEX = new Map<string, Token>(Object.entries(PALETTE).map(([token, hex]) => [hex, token as Token]));

/** Each palette hex in CSS text (`#3556d8`, `#3556D8`, not `#3556d8aa` nor inside a longer word) as `var(--accent, #3556d8)`. */
const recolour = (css: string) =>
  css.replace(/(?<![\w#-])#[0-9a-f]{6}(?![\w-])/gi, (hex) => {
    const token = BY_HEX.get(hex.toLowerCase());
    return token ? `var(--${token}, ${hex.toLowerCase()})` : hex;
  });

/** Attributes whose values are colours or CSS declarations; no other attribute, and no text, is touched. */
const COLOUR_ATTRIBUTE = /(\s(?:fill|stroke|stop-color|flood-color|color|style)=")([^"]*)"/g;

/**
 * A drawing with each palette colour of its `<style>` and of its colour and style attributes as
 * `var(--token, #hex)`. Text between tags (labels, titles) is never touched: text a drawing shows
 * is escaped, so every `<` starts a tag, and only tags and style sheets are read.
 */
export function paletteSvg(svg: string): string {
  return svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>|<[A-Za-z][^>]*>/g, (part) =>
    part.startsWith('<style')
      ? part.replace(/^(<style\b[^>]*>)([\s\S]*?)(<\/style>)$/, (_, open: string, css: string, close: string) => open + recolour(css) + close)
      : part.replace(COLOUR_ATTRIBUTE, (_, name: string, value: string) => `${name}${recolour(value)}"`),
  );
}
