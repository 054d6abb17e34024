// Reading checklists from YAML files: the built-in ones, the user's, or a path. Problems
// are named with their line and column.

import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { INPUT_LIMITS, readInputText } from './read-input.js';
import { builtEntries, projectDir } from './project-files.js';
import { basename, dirname, join, resolve } from 'node:path';
import { LineCounter, isNode } from 'yaml';
import { sameScoring, validateChecklist, formatPath, type Checklist, type ChecklistFault, type Path } from '../domain/checklist.js';
import { t, type Catalog } from '../i18n/index.js';
import { UserError } from '../errors.js';
import { parseYaml, YamlAliasInItself, assertYamlBudget, yamlLimitHit, yamlValue } from './yaml-limits.js';

/** A problem of a checklist file: the checklist's own, or the YAML parser's (its words, English). */
export type ChecklistFileFault = ChecklistFault | { kind: 'yaml'; detail: string; code?: string };

export interface LocatedProblem {
  line: number;
  col: number;
  path: string;
  fault: ChecklistFileFault;
}

/** A checklist file that cannot be used: its first problem in words, how many more, and the file. */
export class BrokenChecklist extends UserError {
  constructor(
    readonly first: string,
    readonly more: number,
    readonly file: string,
  ) {
    super(t().checklists.broken(first, more, file));
  }
}

export type ChecklistSource = 'built-in' | 'user' | 'file';

export interface LoadedChecklist {
  checklist: Checklist;
  source: ChecklistSource;
  file: string;
}

/** The project's checklists/ folder, found from where this code runs (src/ or dist/). */
export function builtInDir(): string {
  return projectDir('checklists', 'general.yaml');
}

/** The most values a checklist's YAML may make (its aliases written out): some ten for each of
 * the most answers of the most questions a checklist takes (MAX_QUESTIONS, MAX_ANSWERS). */
const CHECKLIST_VALUES = 200_000;

/** Parses and validates one checklist text; every problem with its line and column. */
export function parseChecklistText(text: string, file = 'the checklist'): { checklist?: Checklist; problems: LocatedProblem[]; data?: unknown } {
  assertYamlBudget(text, file);
  const lineCounter = new LineCounter();
  const doc = parseYaml(text, lineCounter);
  const located: LocatedProblem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    // The parser's own stack ran out: said as what it is, not in the engine's words.
    const tooDeep = yamlLimitHit(e) === 'too-deep';
    if (tooDeep && located.some((p) => p.fault.kind === 'yaml' && p.fault.detail === t().files.yamlTooDeepHere)) continue;
    const detail = tooDeep ? t().files.yamlTooDeepHere : e.message.split('\n')[0];
    located.push({ line: pos.line, col: pos.col, path: '', fault: { kind: 'yaml', detail, code: e.code } });
  }
  if (located.length) return { problems: located };
  let data: unknown;
  try {
    data = yamlValue(doc, file, lineCounter, CHECKLIST_VALUES);
  } catch (err) {
    if (err instanceof YamlAliasInItself) return { problems: [{ line: err.line ?? 1, col: 1, path: '', fault: { kind: 'yaml', detail: err.detail } }] };
    const limit = yamlLimitHit(err);
    const detail = limit === 'too-deep' ? t().files.yamlTooDeepHere : limit === 'aliases' ? t().files.yamlAliasesHere : (err as Error).message;
    return { problems: [{ line: 1, col: 1, path: '', fault: { kind: 'yaml', detail } }] };
  }
  const result = validateChecklist(data);
  if ('value' in result) return { checklist: result.value, problems: [], data };
  for (const p of result.errors) {
    const { line, col } = locate(doc, lineCounter, p.path);
    located.push({ line, col, path: formatPath(p.path), fault: p.fault });
  }
  // In the file's order, as a person mends them (the rules find them in their own order).
  return { problems: located.sort((a, b) => a.line - b.line || a.col - b.col) };
}

/** The line and column of the deepest node of a path that exists in the document. */
function locate(doc: ReturnType<typeof parseYaml>, lc: LineCounter, path: Path): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = sub.length ? doc.getIn(sub, true) : doc.contents;
    if (isNode(node) && node.range) {
      // For a key that is missing from a map, point at the map itself.
      return lc.linePos(node.range[0]);
    }
    if (n > 0 && typeof path[n - 1] === 'string') {
      // Point at the key when its value is absent or scalar-less.
      const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
      if (isNode(parent) && 'items' in parent) {
        const pair = (parent.items as { key?: unknown }[]).find(
          (it) => isNode(it.key) && (it.key as { value?: unknown }).value === path[n - 1],
        );
        if (pair && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]);
      }
    }
  }
  return { line: 1, col: 1 };
}

/** Each problem as a line `file:line:col: path: problem`, in the words of a catalog (the one in use unless given). */
export function formatProblems(file: string, problems: LocatedProblem[], catalog: Catalog = t()): string[] {
  const w = catalog.checklists;
  return problems.map((p) => `${file}:${p.line}:${p.col}: ${p.path ? `${p.path}: ` : ''}${w.fault(p.fault)}`);
}

function loadFile(file: string, source: ChecklistSource): LoadedChecklist {
  const text = readInputText(file, { what: 'checklist', maxBytes: INPUT_LIMITS.small });
  const { checklist, problems } = parseChecklistText(text, file);
  if (!checklist) throw new BrokenChecklist(formatProblems(file, problems)[0], problems.length - 1, file);
  return { checklist, source, file };
}

function yamlFilesIn(dir: string, onOther: (file: string, folder: boolean) => void = () => {}, onNotFolder: (dir: string) => void = () => {}): string[] {
  if (!existsSync(dir)) return [];
  // A file where the folder should be holds no checklists: said, and the built-in ones used (every
  // `check` failed with the system's ENOTDIR).
  let folder = true;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    // Left to the reading of the folder, which says why it cannot be read.
  }
  if (!folder) {
    onNotFolder(dir);
    return [];
  }
  // Only regular files: a pipe, a device or a folder named *.yaml there is not a checklist, and
  // is said to be left out (read, a pipe would wait for ever). One that cannot be looked at (a
  // link to nothing, a loop of links) is kept, for its reading to say why.
  const isFileOrUnknown = (f: string) => {
    let st;
    try {
      st = statSync(f);
    } catch {
      return true;
    }
    if (!st.isFile()) onOther(f, st.isDirectory());
    return st.isFile();
  };
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f))
    .filter(isFileOrUnknown);
}

/**
 * The built-in checklists, whether or not a checklist of the user's overrides one: from the JSON
 * the build made of their files (`checklists.json` beside the bundles), each checked as a file's
 * checklist is; else, and where that copy is damaged or is not of the files there now, from the
 * files themselves.
 */
export function builtInChecklists(): LoadedChecklist[] {
  const files = yamlFilesIn(builtInDir());
  const built = builtEntries('checklists.json', files.map((f) => basename(f)), validateChecklist);
  return files.map((file) => (built ? { checklist: built.get(basename(file))!, source: 'built-in', file } : loadFile(file, 'built-in')));
}

/**
 * The data of each checklist file of a folder, by file name, as this reader reads it: what the
 * build keeps as `checklists.json`. A file with a problem stops the build, named with it.
 */
export function checklistsDataOf(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of yamlFilesIn(dir)) {
    const { data, problems } = parseChecklistText(readFileSync(file, 'utf8'), file);
    if (problems.length) throw new Error(formatProblems(file, problems).join('\n'));
    out[basename(file)] = data;
  }
  return out;
}

/**
 * Every available checklist: the user's override built-in ones of the same id. A broken
 * file of the user's is left out and reported through `onBroken`, so that one bad file
 * does not stop the others from being used.
 */
export function loadAllChecklists(configDir: string, onBroken: (message: string, clash?: { id: string; files: [string, string] }, file?: string) => void = () => {}): LoadedChecklist[] {
  const byId = new Map<string, LoadedChecklist>();
  for (const c of builtInChecklists()) byId.set(c.checklist.id, c);
  const other = (f: string, folder: boolean) => onBroken(t().checklists.skipped(t().checklists.notAFile(f, folder)), undefined, f);
  const notFolder = (dir: string) => onBroken(t().checklists.skipped(t().checklists.folderIsFile(dir)), undefined, dir);
  for (const f of yamlFilesIn(join(configDir, 'checklists'), other, notFolder)) {
    try {
      const c = loadFile(f, 'user');
      // Overriding a built-in takes a version of its own where it scores otherwise: the checks
      // made with the built-in one would be scored again, by an import, as this one scores.
      const builtIn = byId.get(c.checklist.id);
      // Two files of the user's under one id: the first (in name order) is the checklist, the other is said to be left out.
      if (builtIn?.source === 'user') {
        onBroken(t().checklists.skipped(t().checklists.sameIdTwice(f, c.checklist.id, builtIn.file)), { id: c.checklist.id, files: [builtIn.file, f] });
        continue;
      }
      if (builtIn?.source === 'built-in' && builtIn.checklist.version === c.checklist.version && !sameScoring(builtIn.checklist, c.checklist)) {
        throw new UserError(t().checklists.sameIdOther(f, c.checklist.id, c.checklist.version, 'built-in'));
      }
      byId.set(c.checklist.id, c);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const w = t().checklists;
      onBroken(err instanceof BrokenChecklist ? w.skippedBroken(err.first, err.more, err.file) : w.skipped(err.message), undefined, f);
    }
  }
  return [...byId.values()];
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The id a checklist file that cannot be read gives on a line of its own (\`id: general\`), if any: read from its first 64 KB. */
function apparentIdOf(file: string): string | undefined {
  try {
    // Only a regular file: one left out for being a pipe or a device is never opened (a pipe waits).
    if (!isRegularFile(file)) return undefined;
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(65536);
      const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
      return /^id:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * The checklist at hand that gives this id and version with other questions, answers or scores:
 * a built-in one too where a checklist of the user's has taken its id (the checks made with it
 * are still read as its), and the user's. A check names its checklist by id and version only.
 */
function otherOfIdAndVersion(file: string, checklist: Checklist, configDir: string): LoadedChecklist | undefined {
  const path = resolve(file);
  return [...builtInChecklists(), ...loadAllChecklists(configDir)].find(
    (c) => c.checklist.id === checklist.id && c.checklist.version === checklist.version && resolve(c.file) !== path && !sameScoring(c.checklist, checklist),
  );
}

/**
 * Why a valid checklist file cannot be used beside the others, as the loader and `check` refuse
 * it: an id and version another checklist gives with other questions, or another file of the
 * user's under its id (`check` takes neither of them); undefined when it can be.
 */
export function clashOf(file: string, checklist: Checklist, configDir: string, words: Catalog['checklists'] = t().checklists): string | undefined {
  const other = otherOfIdAndVersion(file, checklist, configDir);
  if (other) return words.sameIdOther(file, checklist.id, checklist.version, other.source);
  const path = resolve(file);
  if (dirname(path) !== resolve(configDir, 'checklists')) return undefined;
  // Two files the loader takes under one id (a file it refuses for another reason is no second one).
  const pairs: [string, string][] = [];
  loadAllChecklists(configDir, (_message, clash) => {
    if (clash?.id === checklist.id) pairs.push(clash.files);
  });
  const pair = pairs.find(([a, b]) => resolve(a) === path || resolve(b) === path);
  if (!pair) return undefined;
  // The first in name order is the one listed; the other is said to be left out.
  return resolve(pair[0]) === path ? words.twoOfOneId(checklist.id, file, pair[1]) : words.sameIdTwice(file, checklist.id, pair[0]);
}

/** A checklist by id (built-in or the user's), or by the path of a YAML file. */
export function findChecklist(idOrPath: string, configDir: string): LoadedChecklist {
  // A path (or `-`, standard input), as `checklists validate` takes one: a JSON file too.
  if (idOrPath === '-' || /[\\/]/.test(idOrPath) || /\.(ya?ml|json)$/.test(idOrPath)) {
    const file = idOrPath === '-' ? idOrPath : resolve(idOrPath);
    if (file !== '-' && !existsSync(file)) throw new UserError(t().checklists.noFile(idOrPath));
    const loaded = loadFile(file, 'file');
    // A check names its checklist by id and version: a file that takes another checklist's
    // without its questions would have its checks read as that one's.
    const other = otherOfIdAndVersion(file, loaded.checklist, configDir);
    if (other) throw new UserError(t().checklists.sameIdOther(idOrPath, loaded.checklist.id, loaded.checklist.version, other.source));
    return loaded;
  }
  const broken: { message: string; file?: string }[] = [];
  const clashes = new Map<string, [string, string]>();
  const all = loadAllChecklists(configDir, (message, clash, file) => (clash === undefined ? broken.push({ message, file }) : clashes.set(clash.id, clash.files)));
  const found = all.find((c) => c.checklist.id === idOrPath);
  // Two files of the user's give this id: which one was meant is the user's to say.
  const clash = found && clashes.get(found.checklist.id);
  if (clash) throw new UserError(t().checklists.twoOfOneId(found.checklist.id, clash[0], clash[1]));
  // A file of the user's that cannot be read, and reads as this checklist (by its name or its
  // id): the one meant, most likely, a copy of a built-in one changed. The built-in one was
  // taken in its place without a word, and the check recorded as made with it.
  const meant = found && broken.find((b) => b.file !== undefined && (basename(b.file).replace(/\.ya?ml$/, '') === idOrPath || apparentIdOf(b.file) === idOrPath));
  if (meant) {
    // Read again for what is wrong with it, said as its own reading says it.
    let detail = meant.message;
    try {
      // Only a regular file: a pipe or a device left out is never opened (a pipe would wait).
      if (isRegularFile(meant.file!)) loadFile(meant.file!, 'user');
    } catch (err) {
      if (err instanceof BrokenChecklist) detail = t().checklists.brokenDetail(err.first, err.more, err.file);
      else if (err instanceof UserError) detail = err.message;
      else throw err;
    }
    throw new UserError(t().checklists.brokenCopy(idOrPath, meant.file!, detail));
  }
  if (!found) {
    // The file named as the checklist asked for, where it is among those not read, is the one said (not the first in name order).
    const named = broken.find((b) => b.file !== undefined && basename(b.file).replace(/\.ya?ml$/, '') === idOrPath) ?? broken[0];
    throw new UserError(t().checklists.noChecklist(idOrPath, all.map((c) => c.checklist.id), broken.length, named?.message.replace(/\.$/, ''), named !== broken[0]));
  }
  return found;
}
