import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, paletteSvg, SITE_FONT, THEME_VARIABLES } from '../../src/diagrams/mermaid-theme.ts';

/** The custom properties of a stylesheet's first light `:root { … }` block. */
function lightRoot(path: string): Map<string, string> {
  const css = readFileSync(new URL(`../../src/styles/${path}`, import.meta.url), 'utf8');
  const block = /^:root \{([^}]*)\}/m.exec(css)![1]!;
  return new Map([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('the site palette mermaid draws with', () => {
  it('is the light values of site.css and diagrams.css, and the site font', () => {
    const css = new Map([...lightRoot('site.css'), ...lightRoot('diagrams.css')]);
    for (const [token, hex] of Object.entries(PALETTE)) expect([token, css.get(token)]).toEqual([token, hex]);
    expect(css.get('font')).toBe(SITE_FONT);
    expect(THEME_VARIABLES).toMatchObject({ primaryColor: '#e8edff', lineColor: '#76809a', textColor: '#1b2333', fontFamily: SITE_FONT });
  });
});

describe('paletteSvg', () => {
  it("writes each palette colour of the drawing's style and colour attributes as its custom property, with the light value as fallback", () => {
    const svg =
      '<svg id="d1" width="100%"><style>#d1 .node rect{fill:#E8EDFF;stroke:#3556d8;}#d1 .x{fill:#eaeaea;stroke:#000000;color:#ffffff}</style>' +
      '<rect class="actor" fill="#ffffff" stroke="#76809a" style="fill:#1b2333;stroke:#123456"/><path stroke="#3556d8aa" d="M1,1"/></svg>';
    expect(paletteSvg(svg)).toBe(
      '<svg id="d1" width="100%"><style>#d1 .node rect{fill:var(--k-service, #e8edff);stroke:var(--accent, #3556d8);}#d1 .x{fill:#eaeaea;stroke:#000000;color:var(--panel, #ffffff)}</style>' +
        '<rect class="actor" fill="var(--panel, #ffffff)" stroke="var(--d-line, #76809a)" style="fill:var(--text, #1b2333);stroke:#123456"/><path stroke="#3556d8aa" d="M1,1"/></svg>',
    );
  });

  it('leaves text, ids and other attributes as drawn, even where they read as palette colours', () => {
    const svg =
      '<svg id="d1"><style>#d1 .a{fill:#ffffff}</style><g id="n-ffffff" data-colour="#ffffff" aria-label="fill:#ffffff">' +
      '<text class="t" fill="#1b2333"><tspan>Paint it #ffffff; fill:#1b2333</tspan></text><title>#3556d8</title></g></svg>';
    expect(paletteSvg(svg)).toBe(
      '<svg id="d1"><style>#d1 .a{fill:var(--panel, #ffffff)}</style><g id="n-ffffff" data-colour="#ffffff" aria-label="fill:#ffffff">' +
        '<text class="t" fill="var(--text, #1b2333)"><tspan>Paint it #ffffff; fill:#1b2333</tspan></text><title>#3556d8</title></g></svg>',
    );
  });
});
