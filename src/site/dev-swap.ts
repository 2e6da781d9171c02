/** The dev server's message when diagrams drawn in the background are ready: `{ keys }`. */
export const DIAGRAMS_DRAWN = 'plexus:diagrams-drawn';

/**
 * `npm run dev` only: the script of a page that shows some diagram as text while it is drawn.
 * When the dev server says the diagram is drawn, the page reloads and shows it; the browser keeps
 * the scroll position. A drawing may finish before the page has connected, so the page also asks
 * once whether it is still waiting.
 */
export function devSwapScript(base: string): string {
  const client = JSON.stringify(`${base.endsWith('/') ? base : `${base}/`}@vite/client`).replace(/</g, '\\u003c');
  return `import { createHotContext } from ${client};
const waiting = () => [...document.querySelectorAll('[data-diagram-pending]')].map((e) => e.dataset.diagramPending);
if (waiting().length > 0) {
  createHotContext('/@plexus/diagrams').on(${JSON.stringify(DIAGRAMS_DRAWN)}, ({ keys }) => {
    if (waiting().some((key) => keys.includes(key))) location.reload();
  });
  fetch(location.href, { headers: { accept: 'text/html' } }).then((r) => r.text()).then((html) => {
    if (waiting().some((key) => !html.includes(\`data-diagram-pending="\${key}"\`))) location.reload();
  });
}`;
}
