/**
 * Mermaid text from the model. Node ids are generated, and user text only ever appears inside
 * quoted labels or after a sequence message's colon, so it can never become diagram syntax.
 *
 * Mermaid has no escape that survives SVG-text labels for every character (entity codes such as
 * `#34;` are drawn literally when labels are SVG text), so the few characters that would end a
 * label or be read as an entity are drawn as look-alikes: `"` as `”`, `\` as `∖`, and `#` before
 * `word;` with a zero-width space; so is `%%`, which mermaid reads as a directive (`%%{init…}%%`)
 * anywhere in a text, even inside a quoted label. `<` and `>` use the codes mermaid does decode.
 * Everything else, `-->`, brackets, pipes, backticks, unicode, is drawn as written. Each
 * diagram's text alternative keeps the exact text.
 */

/** Text for inside a quoted flowchart label. */
function labelText(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n+/g, ' ')
    .replace(/\\/g, '∖')
    .replace(/"/g, '”')
    .replace(/#(?=\w*;)/g, '#\u200B')
    .replace(/%(?=%)/g, '%\u200B')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}

/** A quoted flowchart label that draws the text as written. */
export function mermaidLabel(value: unknown): string {
  return `"${labelText(value)}"`;
}

/** Ids are `n0`, `n1`, … in the order given, so no entity id can inject syntax. */
export function mermaidIds(keys: readonly string[]): Map<string, string> {
  return new Map(keys.map((key, i) => [key, `n${i}`]));
}

export interface GraphNode {
  key: string;
  label: string;
  /** The group it is drawn in, or the path of nested groups from the outermost (a domain, then a system). */
  group?: string | string[];
  shape?: 'box' | 'round' | 'stadium' | 'cylinder' | 'hexagon';
}
export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  both?: boolean;
  dashed?: boolean;
}

const SHAPES = { box: ['[', ']'], round: ['(', ')'], stadium: ['([', '])'], cylinder: ['[(', ')]'], hexagon: ['{{', '}}'] } as const;

/** A flowchart: nodes grouped into subgraphs where they have a group, edges with labels. */
export function flowchart(nodes: readonly GraphNode[], edges: readonly GraphEdge[], direction: 'TD' | 'LR' = 'LR'): string {
  const ids = mermaidIds(nodes.map((n) => n.key));
  const lines = [`flowchart ${direction}`];
  const node = (n: GraphNode) => {
    const [open, close] = SHAPES[n.shape ?? 'box'];
    return `${ids.get(n.key)}${open}${mermaidLabel(n.label)}${close}`;
  };
  interface Group {
    nodes: GraphNode[];
    children: Map<string, Group>;
  }
  const top: Group = { nodes: [], children: new Map() };
  for (const n of nodes) {
    let g = top;
    for (const name of n.group === undefined ? [] : Array.isArray(n.group) ? n.group : [n.group]) {
      g = g.children.get(name) ?? g.children.set(name, { nodes: [], children: new Map() }).get(name)!;
    }
    g.nodes.push(n);
  }
  let counter = 0;
  const emit = (g: Group, indent: string) => {
    for (const n of g.nodes) lines.push(`${indent}${node(n)}`);
    for (const [name, child] of g.children) {
      lines.push(`${indent}subgraph g${counter++}[${mermaidLabel(name)}]`);
      emit(child, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  emit(top, '  ');
  for (const e of edges) {
    const a = ids.get(e.from);
    const b = ids.get(e.to);
    if (a === undefined || b === undefined) continue;
    const arrow = e.both ? (e.dashed ? '<-.->' : '<-->') : e.dashed ? '-.->' : '-->';
    lines.push(`  ${a} ${arrow}${e.label ? `|${mermaidLabel(e.label)}|` : ''} ${b}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface SequenceStep {
  from: string;
  to: string;
  message: string;
  reply?: boolean;
}

/** A sequence diagram; participants in order of first appearance. */
export function sequence(participants: readonly { key: string; label: string }[], steps: readonly SequenceStep[]): string {
  const ids = mermaidIds(participants.map((p) => p.key));
  const lines = ['sequenceDiagram'];
  for (const p of participants) lines.push(`  participant ${ids.get(p.key)} as ${sequenceText(p.label)}`);
  for (const s of steps) {
    const a = ids.get(s.from);
    const b = ids.get(s.to);
    if (a === undefined || b === undefined) continue;
    lines.push(`  ${a}${s.reply ? '-->>' : '->>'}${b}: ${sequenceText(s.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Sequence text is unquoted and runs to the end of its line: `;` would end the statement and
 * `#` start an entity, so they are drawn as look-alikes (`;` Greek question mark, `＃`); `<` and
 * `>` as the codes mermaid decodes, so no tag reaches its HTML sanitiser (which would drop it).
 */
function sequenceText(value: string): string {
  return (
    value
      .replace(/\r?\n+/g, ' ')
      .replace(/\\/g, '∖')
      .replace(/;/g, '\u037E')
      .replace(/#/g, '＃')
      .replace(/%(?=%)/g, '%\u200B')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .trim() || ' '
  );
}
