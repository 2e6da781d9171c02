import { stringify } from 'yaml';

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same registry. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['rest', 'graphql', 'grpc', 'websocket', 'message-queue', 'npm-package', 'shared-database', 'file', 'webhook', 'cross-app-auth'] as const;
const KINDS = ['service', 'service', 'service', 'frontend', 'library', 'external'] as const;
const DOMAINS = ['core', 'commerce', 'messaging', 'identity', 'analytics', 'logistics', 'content', 'platform'];

/**
 * A valid registry of about `entities` entities in realistic proportions (integrations 60%,
 * repositories 20%, events 12%, docsets 5%, teams, patterns, documents), as files by path.
 * Deterministic from `seed`; every reference resolves and every event agrees with its integration.
 */
export function generateRegistry(entities: number, seed = 1): Map<string, string> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const files = new Map<string, string>();
  const put = (path: string, data: unknown) => files.set(path, stringify(data));

  const teamCount = Math.max(2, Math.round(entities * 0.01));
  const repoCount = Math.max(3, Math.round(entities * 0.2));
  const eventCount = Math.max(1, Math.round(entities * 0.12));
  const docsetCount = Math.max(1, Math.round(entities * 0.05));
  const docCount = Math.max(1, Math.round(entities * 0.01));
  const integrationCount = Math.max(1, entities - teamCount - repoCount - eventCount - docsetCount - docCount - 3);

  const teams = Array.from({ length: teamCount }, (_, i) => `team-${i}`);
  const repos = Array.from({ length: repoCount }, (_, i) => `repo-${i}`);
  put('ecosystem.yaml', {
    name: `Synthetic ${entities}`,
    description: 'A generated registry for benchmarks.',
    currentProject: repos[0],
    referenceProject: repos[0],
    maintainedBy: teams[0],
    registryVersion: '1.0.0',
    lastUpdated: '2026-01-01',
    nextReview: '2099-01-01',
    policies: { deprecationNoticeMonths: 6, parallelSupportMonths: 3 },
  });
  for (const [i, id] of teams.entries()) {
    put(`teams/${id}.yaml`, { name: `Team ${i}`, lead: `Lead ${i}`, contacts: { email: `team${i}@example.com` }, escalation: 'CTO' });
  }
  for (const [i, id] of repos.entries()) {
    put(`repositories/${id}.yaml`, {
      name: `Repository ${i}`,
      purpose: `Does job ${i}`,
      role: 'Service',
      kind: i === 0 ? 'docs' : pick(KINDS),
      status: 'active',
      url: `https://github.com/synthetic/${id}`,
      team: pick(teams),
      domain: pick(DOMAINS),
    });
  }
  const patterns = ['events', 'gateway', 'auth'];
  put('patterns/events.yaml', {
    name: 'Events',
    kind: 'event-driven',
    usedBy: 'all',
    description: 'Events.',
    guide: 'guides/events.md',
    features: ['Retries'],
  });
  put('patterns/gateway.yaml', {
    name: 'Gateway',
    kind: 'api-gateway',
    usedBy: 'all',
    description: 'Gateway.',
    guide: 'guides/gateway.md',
    features: ['Routing'],
  });
  put('patterns/auth.yaml', { name: 'Auth', kind: 'authentication', usedBy: 'all', description: 'Auth.', guide: 'guides/auth.md', features: ['JWT'] });

  const integration = (i: number, from: string, to: string[], type: string, events?: string[]) => ({
    title: `Integration ${i}`,
    provider: from,
    consumers: to,
    purpose: `Moves data for flow ${i}`,
    type,
    protocol: type === 'event' ? 'Kafka' : 'HTTPS',
    auth: 'jwt',
    format: 'JSON',
    owner: pick(teams),
    version: `1.${i % 10}.0`,
    lastUpdated: '2026-06-01',
    status: 'production',
    health: { uptime: 99.9, errorRate: 0.1, avgResponseMs: 50 + (i % 200), lastIncident: null },
    contacts: { primary: 'Team lead', escalation: 'CTO' },
    errorHandling: { retries: 3, timeoutMs: 2000 },
    connection: { endpoint: `${from}:8080`, timeoutMs: 2000 },
    patterns: [pick(patterns)],
    ...(events ? { events } : {}),
  });
  const others = (from: string, count: number) => {
    const set = new Set<string>();
    while (set.size < count) {
      const r = pick(repos);
      if (r !== from) set.add(r);
    }
    return [...set];
  };
  let n = 0;
  for (let e = 0; e < eventCount; e++, n++) {
    const producer = pick(repos);
    const consumers = others(producer, 1 + Math.floor(rand() * 3));
    const id = `domain${e % 50}.thing${e}.changed`;
    put(`events/${id}.yaml`, {
      description: `Thing ${e} changed.`,
      payload: { id: 'string' },
      producers: [producer],
      consumers: consumers.map((repository) => ({ repository, handling: 'Update local copy' })),
      delivery: 'at-least-once',
      channel: `kafka: topic-${e}`,
    });
    if (n < integrationCount) put(`integrations/flow-${n}.yaml`, integration(n, producer, consumers, 'event', [id]));
  }
  for (; n < integrationCount; n++) {
    const from = pick(repos);
    put(`integrations/flow-${n}.yaml`, integration(n, from, others(from, 1 + Math.floor(rand() * 2)), pick(TYPES)));
  }
  for (let i = 0; i < docsetCount; i++) {
    put(`docsets/set-${i}.yaml`, { name: `Docs ${i}`, owner: pick(teams), frequency: 'as-needed', lastReview: '2026-01-01', location: `docs/${i}/` });
  }
  for (let i = 0; i < docCount; i++) {
    files.set(
      `docs/guide-${i}.md`,
      `---\n${stringify({ title: `Guide ${i}`, purpose: 'How to', status: 'approved', version: '1.0.0', authors: ['Someone'] })}---\n\n# Guide ${i}\n\nText.\n`,
    );
  }
  return files;
}
