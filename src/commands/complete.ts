// `vetted __complete <kind> [prefix]`, hidden: the names and ids that the completion
// scripts offer, one a line. It never creates, migrates or writes the database, prints no
// errors (a command line being typed is no place for them), and loads as little as it can.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { DYNAMIC_KINDS, type DynamicKind } from '../completion/values.js';
import { isStoredKind, storedCandidates } from '../store/complete.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built-in checklists/ folder, found as formats/checklist-file.ts finds it (without loading the YAML parser it imports). */
function builtInDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) if (existsSync(join(dir, 'checklists', 'general.yaml'))) return join(dir, 'checklists');
  return undefined;
}

/** Checklist ids, built-in and the user's, read from each file's `id:` line without parsing YAML. */
function checklistIds(configDir: string, prefix: string): string[] {
  const ids = new Set<string>();
  for (const dir of [builtInDir(), join(configDir, 'checklists')]) {
    if (!dir || !existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      try {
        const id = /^id:\s*["']?([^"'\s#]+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
        if (id) ids.add(id);
      } catch {
        // an unreadable file offers nothing
      }
    }
  }
  return [...ids].filter((id) => id.startsWith(prefix)).sort();
}

/** The candidates for one kind, each safe for a line of its own. */
export function candidates(ctx: Pick<Context, 'dbPath' | 'configDir'>, kind: string, prefix: string): string[] {
  if (!(DYNAMIC_KINDS as readonly string[]).includes(kind)) return [];
  const k = kind as DynamicKind;
  const found = k === 'checklist' ? checklistIds(ctx.configDir, prefix) : isStoredKind(k) ? storedCandidates(ctx.dbPath, k, prefix) : [];
  // A name is offered to the shell as typed text: no line breaks or control characters.
  const safe = [...new Set(found)].filter((c) => !/[\u0000-\u001f\u007f-\u009f]/.test(c));
  // Names match whatever their case, but where some match as typed, only those are offered:
  // the shell puts the candidates' common beginning in place of what was typed, and "Wells
  // Fargo" beside "WELLS FARGO & COMPANY" would turn "Wel" into "W".
  const asTyped = safe.filter((c) => c.startsWith(prefix));
  return asTyped.length ? asTyped : safe;
}

export async function run(ctx: Context, kind: string, prefix = ''): Promise<CommandResult> {
  const found = candidates(ctx, kind, prefix);
  return { out: found.length ? `${found.join('\n')}\n` : '' };
}
