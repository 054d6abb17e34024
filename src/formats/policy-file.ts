// The user's policy override: <config dir>/policy.yaml.

import { existsSync } from 'node:fs';
import { INPUT_LIMITS, readInputText } from './read-input.js';
import { join } from 'node:path';
import { DEFAULT_POLICY, validatePolicy, type Policy } from '../domain/policy.js';
import { formatPath } from '../domain/validation.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

export function policyPath(configDir: string): string {
  return join(configDir, 'policy.yaml');
}

/** The policy in force, and where it came from (the YAML parser is loaded only when there is a file). */
export async function loadPolicy(configDir: string): Promise<{ policy: Policy; source: string | null }> {
  const file = policyPath(configDir);
  if (!existsSync(file)) return { policy: DEFAULT_POLICY, source: null };
  const { parseDataText } = await import('./data-text.js');
  const data = parseDataText(readInputText(file, { what: 'policy', maxBytes: INPUT_LIMITS.small }), file);
  const result = validatePolicy(data);
  if ('errors' in result) {
    const e = result.errors[0];
    const w = t().policyFile;
    throw new UserError(w.invalid(file, formatPath(e.path) || w.top, w.fault(e.fault), result.errors.length - 1));
  }
  return { policy: result.value, source: file };
}
