// Validation returns data: the value, or every problem with the path where it stands. A
// problem is a fact (its kind and what it needs), which the catalogs put in words.

export type Path = (string | number)[];

export interface Problem<F> {
  path: Path;
  fault: F;
}

export type Validated<T, F> = { value: T } | { errors: Problem<F>[] };

/** `incidents[2].events[0].level` */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
