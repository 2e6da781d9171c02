import type { Model } from '../../core/model.ts';
import { naturalCompare } from '../sort.ts';
import { namer } from './common.ts';

/** Whom to call about a repository: its owning team and the ways to reach it. */
export interface Contact {
  teamId: string;
  team: string;
  onCall: string | null;
  chat: string | null;
  email: string | null;
}

export interface DirectDependent {
  id: string;
  name: string;
  /** The integrations through which it depends on the failing repository, by title. */
  integrations: { id: string; title: string }[];
  contact: Contact;
}

export interface IndirectDependent {
  id: string;
  name: string;
  /** Steps from the failing repository: 2 for a dependent of a direct dependent, and so on. */
  distance: number;
  /** The dependent one step nearer through which it is reached. */
  via: { id: string; name: string };
  contact: Contact;
}

/**
 * What fails with a repository, as a reader acts on it: the repositories that depend on it
 * directly, each with the integrations that tie them and whom to call, then the ones reached
 * through others, nearest first. Both in natural order of name within a distance.
 */
export function impactView(model: Model, id: string): { direct: DirectDependent[]; indirect: IndirectDependent[]; total: number } {
  const name = namer(model);
  const links = model.analysis.links;
  const own = links.get(id);
  if (!own) return { direct: [], indirect: [], total: 0 };
  const { contact, rank } = perModel(model);
  const provided = new Set(own.provides);
  const ties = (dependent: string) => {
    const through = (links.get(dependent)?.consumes ?? []).filter((i) => provided.has(i));
    // An integration both ways: the failing repository consumes it, and its provider depends back.
    const back = own.consumes.filter((i) => {
      const data = model.integrations.get(i)?.data;
      return data?.direction === 'both-ways' && data.provider === dependent;
    });
    return [...new Set([...through, ...back])].map((i) => ({ id: i, title: name.integration(i) })).sort((a, b) => naturalCompare(a.title, b.title));
  };
  // Natural order of name, by each repository's rank in it (computed once a model: every
  // repository page walks most of the graph, and comparing names there was most of its cost).
  const byName = (a: { id: string }, b: { id: string }) => rank(a.id) - rank(b.id);
  const direct = own.downstream
    .filter((d) => d !== id)
    .map((d) => ({ id: d, name: name.repo(d), integrations: ties(d), contact: contact(d) }))
    .sort(byName);

  const seen = new Set([id, ...direct.map((d) => d.id)]);
  const indirect: IndirectDependent[] = [];
  let frontier = direct.map((d) => d.id);
  for (let distance = 2; frontier.length > 0; distance++) {
    const next: IndirectDependent[] = [];
    for (const from of [...frontier].sort((a, b) => rank(a) - rank(b))) {
      for (const d of links.get(from)?.downstream ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        next.push({ id: d, name: name.repo(d), distance, via: { id: from, name: name.repo(from) }, contact: contact(d) });
      }
    }
    next.sort(byName);
    indirect.push(...next);
    frontier = next.map((n) => n.id);
  }
  return { direct, indirect, total: direct.length + indirect.length };
}

const memo = new WeakMap<Model, { contact: (repo: string) => Contact; rank: (repo: string) => number }>();

/** Whom to call about each repository, and its place in natural order of name: the same on every page, so made once a model. */
function perModel(model: Model) {
  let made = memo.get(model);
  if (made) return made;
  const name = namer(model);
  const contacts = new Map<string, Contact>();
  const contact = (repo: string): Contact => {
    let c = contacts.get(repo);
    if (c) return c;
    const teamId = model.repositories.get(repo)?.data.team ?? '';
    const team = model.teams.get(teamId)?.data;
    c = { teamId, team: name.team(teamId), onCall: team?.contacts?.onCall ?? null, chat: team?.contacts?.chat ?? null, email: team?.contacts?.email ?? null };
    contacts.set(repo, c);
    return c;
  };
  // Ids that are not repositories (a consumer named but not recorded) sort by their id, after the rest in natural order.
  const order = new Map(
    [...model.repositories.keys()].sort((a, b) => naturalCompare(name.repo(a), name.repo(b)) || naturalCompare(a, b)).map((r, i) => [r, i]),
  );
  const rank = (repo: string) => order.get(repo) ?? order.size;
  made = { contact, rank };
  memo.set(model, made);
  return made;
}
