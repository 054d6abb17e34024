// `vetted policy show`: the thresholds in force, where they come from, and the order in
// which findings decide.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { DEFAULT_POLICY, RULES } from '../domain/policy.js';
import { loadPolicy, policyPath } from '../formats/policy-file.js';
import { t } from '../i18n/index.js';

export async function runShow(ctx: Context, opts: { json?: boolean }): Promise<CommandResult> {
  const { policy, source } = await loadPolicy(ctx.configDir);
  if (opts.json) return { out: toJson({ source, policy, defaults: DEFAULT_POLICY }) };
  const c = t();
  const s = c.policyShow;
  const lines = [s.inForce(source, policyPath(ctx.configDir))];
  for (const [k, v] of Object.entries(policy)) {
    const d = (DEFAULT_POLICY as unknown as Record<string, unknown>)[k];
    const changed = JSON.stringify(v) !== JSON.stringify(d) ? s.defaultWas(Array.isArray(d) ? `[${d.join(', ')}]` : String(d)) : '';
    lines.push(`${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}${changed}`);
  }
  lines.push('', s.rules);
  for (const r of RULES) lines.push(`#   ${r.id} (${s.side[r.side]}) ${c.rules.title[r.id]}: ${c.rules.explain[r.id](policy)}`);
  lines.push('', ...s.order);
  return { out: lines.join('\n') + '\n' };
}
