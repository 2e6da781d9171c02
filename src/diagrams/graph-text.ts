// A view's graph as text: mermaid for the Markdown export (GitHub draws it) and a tree for the
// terminal (plexus show). The same graph the site draws, so the three never disagree.
import { mermaidIds, mermaidLabel, sequence } from '../render/mermaid.ts';
import type { Model } from '../core/model.ts';
import { LANDSCAPE_LIMIT, landscapeGraph } from './graph.ts';
import type { DiagramEdge, DiagramGraph, DiagramNode, NodeKind } from './view-graph.ts';

const MERMAID_SHAPE: Record<NodeKind, [string, string]> = {
  service: ['[', ']'],
  gateway: ['(', ')'],
  frontend: ['[/', '/]'],
  library: ['{{', '}}'],
  external: ['([', '])'],
  datastore: ['[(', ')]'],
  queue: ['[(', ')]'],
  event: ['([', '])'],
  system: ['(', ')'],
  domain: ['(', ')'],
  team: ['(', ')'],
};

/** The graph as mermaid text, for the Markdown export (GitHub draws it). */
export function toMermaid(g: DiagramGraph): string {
  if (g.view === 'sequence') return sequence(g.nodes, g.steps ?? []);
  const ids = mermaidIds(g.nodes.map((n) => n.key));
  const lines = ['flowchart LR'];
  const node = (n: DiagramNode) => {
    const [open, close] = MERMAID_SHAPE[n.kind];
    return `${ids.get(n.key)}${open}${mermaidLabel(n.sub ? `${n.label} · ${n.sub}` : n.label)}${close}`;
  };
  for (const n of g.nodes) if (!n.group) lines.push(`  ${node(n)}`);
  for (const [i, grp] of g.groups.entries()) {
    lines.push(`  subgraph g${i}[${mermaidLabel(grp.label)}]`);
    for (const n of g.nodes) if (n.group === grp.key) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  for (const e of g.edges) {
    const arrow = e.both ? (e.dashed ? '<-.->' : '<-->') : e.dashed ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}|${mermaidLabel(e.label)}| ${ids.get(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The landscape the site's system page shows, as mermaid: by area, and by domain where a systems
 * registry has more areas than a landscape can hold (GitHub has no fallback table to offer).
 */
export function landscapeMermaid(model: Model): string {
  const byArea = landscapeGraph(model);
  const canGroup = model.systems.size > 0 && model.domains.size > 0;
  return toMermaid(byArea.nodes.length > LANDSCAPE_LIMIT && canGroup ? landscapeGraph(model, 'domain') : byArea);
}

/**
 * The graph for a terminal: the node the view is about, then what it acts on (→) and what acts
 * on it (←), one line per counterpart with what is done, then `more` (what the graph cannot draw,
 * e.g. an integration nobody consumes yet), one line each. Other views list their edges.
 */
export function toText(g: DiagramGraph, more: string[] = []): string {
  const name = new Map(g.nodes.map((n) => [n.key, n.label]));
  const focus = g.nodes.find((n) => n.focus);
  const lines: string[] = [];
  if (g.view === 'sequence') {
    for (const [i, s] of (g.steps ?? []).entries()) {
      lines.push(`${String(i + 1).padStart(2)}. ${name.get(s.from) ?? s.from} ${s.reply ? '⇠' : '→'} ${name.get(s.to) ?? s.to}: ${s.message}`);
    }
    return `${lines.join('\n')}\n`;
  }
  if (focus) {
    lines.push(focus.label);
    const out = g.edges.filter((e) => e.from === focus.key);
    const into = g.edges.filter((e) => e.to === focus.key);
    const row = (e: DiagramEdge, other: string, last: boolean, arrow: string) =>
      `${last ? '└' : '├'}─${arrow} ${name.get(other) ?? other}  ${e.label}${e.both && arrow !== '↔' ? ' (both ways)' : ''}`;
    const all = [...out.map((e) => [e, e.to, e.both ? '↔' : '→'] as const), ...into.map((e) => [e, e.from, e.both ? '↔' : '←'] as const)];
    for (const [i, [e, other, arrow]] of all.entries()) lines.push(row(e, other, i === all.length - 1 && more.length === 0, arrow));
    for (const [i, text] of more.entries()) lines.push(`${i === more.length - 1 ? '└' : '├'}─ ${text}`);
    if (all.length === 0 && more.length === 0) lines.push('└─ no integrations recorded');
    return `${lines.join('\n')}\n`;
  }
  for (const e of g.edges) lines.push(`${name.get(e.from) ?? e.from} ${e.both ? '↔' : '→'} ${name.get(e.to) ?? e.to}: ${e.label}`);
  return `${lines.join('\n')}\n`;
}
