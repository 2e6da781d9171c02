import type { Model } from '../../core/model.ts';
import { UNKNOWN } from '../../core/schemas/index.ts';
import {
  AUTH,
  count,
  FREQUENCY,
  growth,
  INTEGRATION_STATUS,
  INTEGRATION_TYPE,
  millis,
  NOT_RECORDED,
  participants,
  percent,
  recorded,
  REPOSITORY_STATUS,
} from '../labels.ts';
import { byTitle, namer, pathTree, protocolOf } from './common.ts';

/** The data of the Integration Registry document (seed 000), section by section. */
export function registryView(model: Model) {
  const eco = model.ecosystem!.data;
  const name = namer(model);
  const repoRow = (id: string, current: boolean) => {
    const r = model.repositories.get(id)!.data;
    return {
      id,
      name: r.name,
      purpose: r.purpose,
      role: current ? `${r.name} specific integrations` : (r.role ?? NOT_RECORDED),
      status: REPOSITORY_STATUS[r.status],
      url: recorded(r.url) ?? null,
    };
  };
  // currentProject and referenceProject may be `unknown` (an imported registry's): then not listed.
  const current = model.repositories.has(eco.currentProject) ? [eco.currentProject] : [];
  const core = [...current, ...(eco.projects ?? [...model.repositories.keys()].filter((id) => id !== eco.currentProject))];
  const reference = model.repositories.get(eco.referenceProject)?.data;

  const integrations = [...model.integrations.values()].filter((i) => !['planned', 'retired'].includes(i.data.status)).sort(byTitle);
  const maintenance = (i: (typeof integrations)[number]) => {
    const m = i.data.maintenance ?? [{ team: i.data.owner }];
    // An owner that is not known is no team: "team unknown", not "team unknown team".
    const who = (team: string) => (name.noTeam(team) ? name.team(team) : `${name.team(team)} team`);
    return m.map((x) => (x.scope ? `${who(x.team)} maintains ${x.scope}` : who(x.team))).join(', ');
  };

  // The documentation structure: every location under the reference project that the registry names.
  const prefix = `${eco.referenceProject}/`;
  const locations = new Map<string, string | undefined>();
  const note = (path: string | undefined, comment?: string) => {
    if (path?.startsWith(prefix)) locations.set(path.slice(prefix.length), comment ?? locations.get(path.slice(prefix.length)));
  };
  for (const i of model.integrations.values()) for (const d of i.data.docs ?? []) note(d);
  for (const p of model.patterns.values()) note(p.data.guide);
  for (const p of model.protocols.values()) note(p.data.documentation);
  for (const d of model.docsets.values()) note(d.data.location, d.data.purpose);

  const withHealth = integrations.filter((i) => i.data.health);
  const withUsage = integrations.filter((i) => i.data.usage);
  const withContacts = integrations.filter((i) => i.data.contacts);
  const steps = (kind: Parameters<typeof protocolOf>[1]) => protocolOf(model, kind);

  return {
    ecosystem: {
      name: eco.name,
      // An imported registry's ecosystem.yaml says `unknown` until someone writes it: no paragraph then.
      description: recorded(eco.description) ?? null,
      registryVersion: recorded(eco.registryVersion) ?? NOT_RECORDED,
      lastUpdated: eco.lastUpdated,
      nextReview: recorded(eco.nextReview) ?? NOT_RECORDED,
      maintainedBy: eco.maintainedBy === UNKNOWN ? NOT_RECORDED : name.team(eco.maintainedBy),
    },
    repositories: core.map((id, i) => repoRow(id, i === 0 && current.length > 0)),
    reference: reference ? { id: eco.referenceProject, name: reference.name, url: recorded(reference.url) ?? null } : null,
    integrations: integrations.map((i) => {
      const d = i.data;
      return {
        id: i.id,
        title: d.title,
        purpose: d.purpose,
        version: recorded(d.version) ?? NOT_RECORDED,
        lastUpdated: recorded(d.lastUpdated) ?? NOT_RECORDED,
        participants: participants(d.provider, d.consumers, d.direction === 'both-ways', name.repo),
        type:
          d.typeDetail ?? `${INTEGRATION_TYPE[d.type]}${d.auth === 'none' || recorded(d.auth) === undefined ? '' : ` with ${AUTH[d.auth!]} authentication`}`,
        docs: d.docs ?? [],
        singleDoc: d.docs?.length === 1 ? d.docs[0]! : null,
        components: d.components ?? [],
        maintenance: maintenance(i),
        status: INTEGRATION_STATUS[d.status],
      };
    }),
    patterns: [...model.patterns.values()]
      .sort((a, b) => a.data.name.localeCompare(b.data.name))
      .map((p) => ({
        name: p.data.name,
        description: p.data.description,
        guide: p.data.guide ?? null,
        features: p.data.features,
        usedBy: p.data.usedBy === 'all' ? `All ${eco.name} applications` : p.data.usedBy.map(name.repo).join(', ') || NOT_RECORDED,
      })),
    developmentProtocols: (['cross-repo-development', 'api-versioning'] as const).map(steps).filter((p) => p !== null),
    documentationTree: locations.size > 0 ? pathTree(eco.referenceProject, locations) : null,
    docsets: [...model.docsets.values()]
      .sort((a, b) => a.data.name.localeCompare(b.data.name))
      .map((d) => ({
        name: d.data.name,
        owner: d.data.owner === 'all-teams' ? 'All teams' : d.data.owner === 'unknown' ? NOT_RECORDED : `${name.team(d.data.owner)} team`,
        frequency: FREQUENCY[d.data.frequency],
        lastReview: recorded(d.data.lastReview) ?? NOT_RECORDED,
      })),
    newIntegration: steps('new-integration'),
    retirement: steps('retirement'),
    health: withHealth.map((i) => ({
      title: i.data.title,
      uptime: percent(i.data.health!.uptime),
      errorRate: percent(i.data.health!.errorRate),
      response: millis(i.data.health!.avgResponseMs),
      lastIncident: i.data.health!.lastIncident ?? 'None',
    })),
    usage: withUsage.map((i) => ({
      title: i.data.title,
      daily: count(i.data.usage!.dailyRequests),
      peak: `${count(i.data.usage!.peakPerMinute)} req/min`,
      growth: growth(i.data.usage!.growthMoM),
    })),
    incidentResponse: steps('incident-response'),
    contacts: withContacts.map((i) => ({
      title: i.data.title,
      primary: i.data.contacts!.primary,
      secondary: i.data.contacts!.secondary ?? '—',
      escalation: i.data.contacts!.escalation ?? '—',
    })),
    changeManagement: steps('change-management'),
    registryMaintenance: steps('registry-maintenance'),
  };
}
