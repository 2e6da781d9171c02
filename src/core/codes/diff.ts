// `plexus diff`: changes between two states of a registry that break what consumers still use.
import { entry } from './entry.ts';

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export const DIFF_CODES = {
  BreakingChange: entry<{
    change: string;
    consumers: string[];
    months: number;
    /** Why the deprecation it carries does not allow it yet, when it carries one. */
    because?: string;
    /** How to comply, in a sentence: what to announce or wait for, or the version to raise to. */
    comply: string;
  }>({
    code: 'PLX058',
    severity: 'error',
    title: "a change that breaks consumers who still use what changed, without the notice the registry's policy asks (`plexus diff`)",
    message: (a) => `${a.change} breaks ${list(a.consumers)}, which still ${a.consumers.length === 1 ? 'uses' : 'use'} it${a.because ? `; ${a.because}` : ''}.`,
    hint: (a) => `This registry asks for ${a.months} months' notice before a breaking change (policies.deprecationNoticeMonths). ${a.comply}`,
  }),
  BreakingChangeAllowed: entry<{ change: string; consumers: string[]; allowed: string }>({
    code: 'PLX059',
    severity: 'warning',
    title:
      "a breaking change that the registry's policy allows (a deprecation whose sunset has passed, or a new major version): consumers still to tell (`plexus diff`)",
    message: (a) => `${a.change} breaks ${list(a.consumers)}, which still ${a.consumers.length === 1 ? 'uses' : 'use'} it; allowed by ${a.allowed}.`,
    hint: (a) =>
      `Tell ${list(a.consumers)} before this is merged (see Notify), and remove ${a.consumers.length === 1 ? 'it' : 'them'} from the consumers once ${a.consumers.length === 1 ? 'it has' : 'they have'} moved.`,
  }),
} as const;
