// `vetted completion bash|zsh|fish`: the completion script for that shell, from the
// command tree itself. The tree is built in the language in force, so the descriptions a
// zsh or fish menu shows are in the language the script was generated in.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { SHELLS } from '../completion/values.js';
import { completionSpec } from '../completion/spec.js';
import { RENDERERS } from '../completion/scripts.js';
import { t } from '../i18n/index.js';

export async function run(_ctx: Context, shell: string): Promise<CommandResult> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UserError(t().completion.noShell(SHELLS, shell));
  const { buildProgram } = await import('../program.js');
  const program = buildProgram(async () => {});
  return { out: RENDERERS[shell as keyof typeof RENDERERS](completionSpec(program)) };
}
