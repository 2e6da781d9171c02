import type { RepositoryLinks } from './model.ts';

/**
 * Everything reachable downstream of each repository. Repositories in one strongly connected
 * component reach the same set, so it is computed once per component (Tarjan, iterative),
 * sinks first, instead of one search per repository: linear in the graph plus the output.
 */
export function blastRadii(links: Map<string, RepositoryLinks>): Map<string, string[]> {
  const ids = [...links.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const next = ids.map((id) =>
    links
      .get(id)!
      .downstream.map((d) => index.get(d))
      .filter((d): d is number => d !== undefined),
  );
  const order = new Array<number>(ids.length).fill(-1);
  const low = new Array<number>(ids.length).fill(0);
  const component = new Array<number>(ids.length).fill(-1);
  const onStack = new Array<boolean>(ids.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < ids.length; root++) {
    if (order[root] !== -1) continue;
    const work: [node: number, edge: number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      if (e < next[v]!.length) {
        frame[1]++;
        const w = next[v]![e]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component[w] = components.length;
          members.push(w);
        } while (w !== v);
        components.push(members);
      }
    }
  }
  // Tarjan emits components sinks first, so every successor's reach is ready when needed.
  const reach: Set<number>[] = [];
  for (const [c, members] of components.entries()) {
    const set = new Set<number>(members.length > 1 ? members : []);
    for (const v of members) {
      for (const w of next[v]!) {
        const d = component[w]!;
        if (d === c) continue;
        set.add(w);
        for (const x of reach[d]!) set.add(x);
      }
    }
    reach[c] = set;
  }
  const sortedReach = reach.map((set) => [...set].map((i) => ids[i]!).sort());
  return new Map(ids.map((id, i) => [id, sortedReach[component[i]!]!.filter((x) => x !== id)]));
}
