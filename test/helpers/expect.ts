// Assertions the end-to-end tests share.
import { expect } from 'vitest';
import type { RunResult, Sandbox } from './cli.js';

/** A line of a JavaScript stack trace. */
export const STACK_FRAME = /^\s+at .+/m;

/** Exit 0, showing both streams when it is not. */
export function ok(r: RunResult): RunResult {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  return r;
}

/** Runs a command that prints JSON and parses it. */
export function json<T>(s: Sandbox, args: string[]): T {
  return JSON.parse(ok(s.run(args)).stdout) as T;
}

/** Exit 2 with one sentence on stderr, no stack trace, nothing on stdout; returns the line. */
export function expectOneLineError(r: RunResult): string {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_FRAME);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vetted: /);
  expect(lines[0]).not.toMatch(/unexpected error|please report/);
  return lines[0];
}
