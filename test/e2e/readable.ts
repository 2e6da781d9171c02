import type { Browser } from 'playwright-core';

/** The two screens every view must be readable on whole: a laptop and a phone. */
export const SCREENS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The readability rule of the diagrams (issue 24), checked in Chromium on each page at both
 * screens: each view on the page shows a drawing (or, where none fits, its list or table) inside
 * its canvas with no sideways panning, at most two screens tall, and no label under 12 CSS px
 * (font size × the scale the drawing is shown at). Returns what breaks it, one line each.
 */
export async function readableViews(browser: Browser, siteUrl: string, paths: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const screen of SCREENS) {
    const context = await browser.newContext({ viewport: screen, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(siteUrl + path, { waitUntil: 'load' });
      const found = await page.evaluate((screenHeight) => {
        const out: string[] = [];
        const figures = [...document.querySelectorAll('figure.view')];
        if (figures.length === 0) out.push('no view on the page');
        for (const [i, figure] of figures.entries()) {
          const canvas = figure.querySelector('.view-canvas') as HTMLElement;
          const box = canvas.getBoundingClientRect();
          if (canvas.scrollWidth > canvas.clientWidth + 1) out.push(`view ${i}: its canvas scrolls sideways (${canvas.scrollWidth} > ${canvas.clientWidth})`);
          // The drawings shown, not the legend's small shapes beside them.
          const svgs = [...canvas.querySelectorAll('svg.plx')].filter(
            (s) => !s.closest('.diagram-key') && (s as SVGSVGElement).getBoundingClientRect().width > 0,
          ) as SVGSVGElement[];
          const fallback = [...canvas.querySelectorAll('.view-list, .view-table')].some((e) => (e as HTMLElement).offsetWidth > 0);
          if (svgs.length === 0 && !fallback) out.push(`view ${i}: shows neither a drawing nor its list`);
          for (const svg of svgs) {
            const r = svg.getBoundingClientRect();
            if (r.left < box.left - 1 || r.right > box.right + 1)
              out.push(`view ${i}: drawing ${Math.round(r.width)} px wide outside its canvas (${Math.round(box.width)} px)`);
            if (r.height > 2 * screenHeight) out.push(`view ${i}: drawing ${Math.round(r.height)} px tall, more than two screens`);
            const scale = r.width / svg.viewBox.baseVal.width;
            const sizes = [...svg.querySelectorAll('text')]
              .filter((t) => t.textContent?.trim())
              .map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
            if (sizes.length === 0) out.push(`view ${i}: a drawing with no text`);
            else if (Math.min(...sizes) < 11.95) out.push(`view ${i}: smallest label ${Math.min(...sizes).toFixed(1)} px`);
          }
        }
        return out;
      }, screen.height);
      problems.push(...found.map((p) => `${path || 'home'} at ${screen.width}: ${p}`));
    }
    await context.close();
  }
  return problems;
}
