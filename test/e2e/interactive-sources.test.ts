// `vetted check` on a real terminal shows what others say before the first question.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';
import { Terminal, after } from '../helpers/tmux.js';

const s = sandbox();
let term: Terminal | undefined;
afterEach(() => {
  term?.kill();
  s.cleanup();
});

it('shows each source\'s list before the first question of a check', { timeout: 120_000 }, async () => {
  ok(s.run(['incident', 'add', 'Acme', '--title', 'Late parcel', '--fault', 'company', '--opened', '2026-11-01T10:00']));
  const file = join(s.dir, 'shared.json');
  writeFileSync(file, JSON.stringify({ format: 'vetted/1', exported_at: '2026-11-30T10:00:00Z', lists: [{ company: 'ACME', list: 'black', since: '2026-10-01', reasons: [{ rule: 'B1', text: 'management refused a refund' }] }] }));
  ok(s.run(['source', 'add', file, '--name', 'olga']));
  term = Terminal.start({ dir: s.dir, args: ['check', 'Acme'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, unset: [] });
  const screen = await term.waitForText('If something goes wrong, who will help?');
  const block = after(screen, 'What others say');
  expect(block).toMatch(/olga \(2026-11-30\): black since 2026-10-01 — B1 management refused a refund/);
  expect(block.indexOf('olga')).toBeLessThan(block.indexOf('If something goes wrong'));
});
