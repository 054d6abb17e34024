// `vetted policy show`: the thresholds in force and where they come from.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { DEFAULT_POLICY, RULES } from '../domain/policy.js';
import { loadPolicy, policyPath } from '../formats/policy-file.js';

export async function runShow(ctx: Context, opts: { json?: boolean }): Promise<CommandResult> {
  const { policy, source } = await loadPolicy(ctx.configDir);
  if (opts.json) return { out: toJson({ source, policy, defaults: DEFAULT_POLICY }) };
  const lines = [`# the list policy in force: ${source ?? `the defaults (override them in ${policyPath(ctx.configDir)})`}`];
  for (const [k, v] of Object.entries(policy)) {
    const d = (DEFAULT_POLICY as unknown as Record<string, unknown>)[k];
    const changed = JSON.stringify(v) !== JSON.stringify(d) ? `   # default: ${Array.isArray(d) ? `[${d.join(', ')}]` : d}` : '';
    lines.push(`${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}${changed}`);
  }
  lines.push('', '# the rules');
  for (const r of RULES) lines.push(`#   ${r.id} (${r.side}) ${r.title}`);
  lines.push(
    '',
    '# the order in which findings decide',
    '#   1. a pin decides, and is shown as "pinned by you"',
    '#   2. deeds over words: when any incident finding (B1, B2, B3, W1, W2) holds, on either side,',
    '#      the check findings (B4, W3) decide nothing; `why` shows them as not counted',
    '#   3. only when no incident finding holds do the check findings decide',
    '#   4. among the findings that decide, the newest evidence wins; black wins a tie',
    '#   5. no black or white finding, but some evidence: the watch list; no evidence: unlisted',
  );
  return { out: lines.join('\n') + '\n' };
}
