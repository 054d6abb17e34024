// The user's policy override: <config dir>/policy.yaml.

import { INPUT_LIMITS, entryOf, readInputText, refuseSpecial } from './read-input.js';
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
  // No file at all is the defaults; a link to nothing is a policy that cannot be read, said so
  // (the lists would be made under a policy the user did not mean), as a pipe is (never waited on).
  if (!entryOf(file)) return { policy: DEFAULT_POLICY, source: null };
  refuseSpecial(file, 'policy');
  const { parseDataDocument } = await import('./data-text.js');
  const { data, locate } = parseDataDocument(readInputText(file, { what: 'policy', maxBytes: INPUT_LIMITS.small }), file);
  const result = validatePolicy(data);
  if ('errors' in result) {
    // Every problem of the file (a few settings at most), each with its line, in the file's
    // order: one at a time, and without lines, it took a run for each.
    const w = t();
    const problems = result.errors
      .map((e) => ({ line: locate(e.path)?.line, text: (line: number | undefined) => w.data.problemAt(line, formatPath(e.path) || w.policyFile.top, w.policyFile.fault(e.fault), false) }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map((p) => p.text(p.line));
    throw new UserError(w.policyFile.invalid(file, w.data.problems(problems, 0)));
  }
  return { policy: result.value, source: file };
}
