// `vetted __complete <kind> [prefix [shell]]`, hidden: the names and ids that the completion
// scripts offer, one a line. It never creates, migrates or writes the database, prints no
// errors (a command line being typed is no place for them), and loads as little as it can.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { INPUT_LIMITS } from '../formats/read-input.js';
import { isChecklistId } from '../domain/checklist.js';
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { DYNAMIC_KINDS, type DynamicKind } from '../completion/values.js';
import { isStoredKind, storedCandidates } from '../store/complete.js';
import { companyKey } from '../domain/names.js';
import { findUp } from '../formats/project-files.js';

/** The built-in checklists/ folder, found as formats/checklist-file.ts finds it (without loading the YAML parser it imports). */
const builtInDir = () => findUp('checklists', 'general.yaml');

/** Checklist ids, built-in and the user's, read from each file's `id:` line without parsing YAML. */
function checklistIds(configDir: string, prefix: string): string[] {
  const ids = new Set<string>();
  for (const dir of [builtInDir(), join(configDir, 'checklists')]) {
    if (!dir || !existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      try {
        // A regular file of a checklist's size only: a link to /dev/zero or a pipe would hold the shell's Tab.
        const st = statSync(join(dir, f));
        if (!st.isFile() || st.size > INPUT_LIMITS.small) continue;
        const id = /^id:\s*["']?([^"'\s#]+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
        // An id as a checklist must have it (lower-case words and dashes): offered as it is, unquoted.
        if (id && isChecklistId(id)) ids.add(id);
      } catch {
        // an unreadable file offers nothing
      }
    }
  }
  return [...ids].filter((id) => id.startsWith(prefix)).sort();
}

/** The candidates for one kind, each safe for a line of its own. */
export function candidates(ctx: Pick<Context, 'dbPath' | 'configDir'>, kind: string, prefix: string, { everyCase = false } = {}): string[] {
  if (!(DYNAMIC_KINDS as readonly string[]).includes(kind)) return [];
  const k = kind as DynamicKind;
  const found = k === 'checklist' ? checklistIds(ctx.configDir, prefix) : isStoredKind(k) ? storedCandidates(ctx.dbPath, k, prefix) : [];
  // A name is offered to the shell as typed text: no line breaks or control characters.
  const safe = [...new Set(found)].filter((c) => !/[\u0000-\u001f\u007f-\u009f]/.test(c));
  // Names match whatever their case. Given as spelt, where some match as typed, only those are
  // offered: the shell puts the candidates' common beginning in place of what was typed, and
  // "Wells Fargo" beside "WELLS FARGO & COMPANY" would turn "Wel" into "W". (Every one is offered
  // where each is given beginning as typed: see beginningAsTyped.)
  if (everyCase) return safe;
  const asTyped = safe.filter((c) => c.startsWith(prefix));
  return asTyped.length ? asTyped : safe;
}

/**
 * Names that match what was typed only in another case, for bash: readline puts the
 * candidates' common beginning, as spelt, in place of what was typed ("acm" became "A" for
 * Acme Air and ACME Travel). Each is given beginning as typed, and then as far as they all
 * agree whatever their case as the first spells it ("acme Air", "acme Travel"), but only
 * where every name so spelt is still the same name (its key): otherwise they stay as spelt.
 */
export function beginningAsTyped(found: string[], prefix: string, keyOf: (name: string) => string): string[] {
  if (found.length < 2 || found.every((c) => c.startsWith(prefix))) return found;
  const first = found[0];
  // How far every name agrees with the first, a character at a time, whatever its case.
  let end = 0;
  for (const ch of first) {
    const next = end + ch.length;
    const lower = ch.toLowerCase();
    if (!found.every((c) => c.slice(end, next).toLowerCase() === lower)) break;
    end = next;
  }
  if (end < prefix.length || first.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return found;
  const head = prefix + first.slice(prefix.length, end);
  const typed = found.map((c) => head + c.slice(end));
  return typed.every((c, k) => keyOf(c) === keyOf(found[k])) ? typed : found;
}

/**
 * `shell`: the script asking. Bash and zsh put the candidates' common beginning, as spelt, in
 * place of what was typed: they are given every company whose name matches whatever its case,
 * beginning as typed (see beginningAsTyped), so that "Ac" offers ACME Travel beside Acme Air.
 * Fish, which matches whatever the case itself, is given every one as spelt.
 */
export async function run(ctx: Context, kind: string, prefix = '', shell = ''): Promise<CommandResult> {
  const everyCase = kind === 'company' && ['bash', 'zsh', 'fish'].includes(shell);
  let found = candidates(ctx, kind, prefix, { everyCase });
  if (everyCase && shell !== 'fish') {
    // (The names that begin with what was typed, whatever its case: a key is looked up without
    // the blank "Acme " ends with, and Acmeville is no name beginning so.)
    const matching = found.filter((c) => c.toLowerCase().startsWith(prefix.toLowerCase()));
    const typed = beginningAsTyped(matching.length ? matching : found, prefix, companyKey);
    // Where they cannot all begin as typed, those that do as spelt are offered (see candidates).
    const asTyped = typed.filter((c) => c.startsWith(prefix));
    found = typed.length < 2 || asTyped.length === typed.length || !asTyped.length ? typed : asTyped;
  }
  return { out: found.length ? `${found.join('\n')}\n` : '' };
}
