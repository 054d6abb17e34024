// `vetted completion bash|zsh|fish`: the completion script for that shell, from the
// command tree itself.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { SHELLS } from '../completion/values.js';
import { completionSpec } from '../completion/spec.js';
import { RENDERERS } from '../completion/scripts.js';

export async function run(_ctx: Context, shell: string): Promise<CommandResult> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UserError(`there is completion for ${SHELLS.join(', ')}, not "${shell}"; run \`vetted completion bash\` (or zsh, fish).`);
  const { buildProgram } = await import('../program.js');
  const program = buildProgram(async () => {});
  return { out: RENDERERS[shell as keyof typeof RENDERERS](completionSpec(program)) };
}
