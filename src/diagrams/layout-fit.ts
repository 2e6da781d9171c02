/**
 * Choosing the layout of a view that fits each canvas: the first that does, else none (the page
 * shows the view as a table there).
 */
import type { DiagramGraph } from './view-graph.ts';
import { type Laid, layoutLayered, type Profile, PROFILES } from './layout.ts';
import { layoutColumn, layoutStar } from './layout-placed.ts';

/** Edges a node above which a view is drawn as a table: 8 areas with 28 edges between them is a hairball. */
export const DENSE = 2.5;

export interface Fitted {
  /** The graph drawn (a coarser one than asked for, when that did not fit). */
  graph: DiagramGraph;
  wide: Laid | null;
  narrow: Laid | null;
}

const fits = (l: Laid, p: Profile) => l.width <= p.maxWidth && l.height <= p.maxHeight;

/**
 * The view laid out for both canvases. Each is the first layout that fits: for the wide one, left
 * to right, else top to bottom; for the narrow one, a column (views about one node) or top to
 * bottom. `null` where none fits: the page shows the view as a table there.
 */
export async function fitGraph(g: DiagramGraph): Promise<Fitted> {
  // A sequence needs no layout engine: its writer places columns and rows (svg.ts).
  if (g.view === 'sequence') return { graph: g, wide: null, narrow: null };
  const column = (g.view === 'neighbourhood' || g.view === 'event') && g.nodes.some((n) => n.focus);
  // Nearly every node joined to every other: no drawing of it can be read; its table can.
  if (!column && g.nodes.length > 6 && g.edges.length > DENSE * g.nodes.length) return { graph: g, wide: null, narrow: null };
  let wide: Laid | null = null;
  if (column) {
    const laid = layoutStar(g, PROFILES.wide);
    if (fits(laid, PROFILES.wide)) wide = laid;
  }
  for (const direction of wide || column ? [] : (['RIGHT', 'DOWN'] as const)) {
    const laid = await layoutLayered(g, PROFILES.wide, direction);
    if (fits(laid, PROFILES.wide)) {
      wide = laid;
      break;
    }
  }
  let narrow: Laid | null = null;
  if (column) {
    const laid = layoutColumn(g, PROFILES.narrow);
    narrow = fits(laid, PROFILES.narrow) ? laid : null;
  } else {
    // Two boxes a row, else one: a column of boxes with the arrows beside them.
    for (const perLayer of [2, 1]) {
      const laid = await layoutLayered(g, PROFILES.narrow, 'DOWN', perLayer);
      if (fits(laid, PROFILES.narrow)) {
        narrow = laid;
        break;
      }
    }
  }
  return { graph: g, wide, narrow };
}
