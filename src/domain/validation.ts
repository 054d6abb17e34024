// Validation returns data: the value, or every problem with the path where it stands.

export type Path = (string | number)[];

export interface Problem {
  path: Path;
  message: string;
}

export type Validated<T> = { value: T } | { errors: Problem[] };

/** `incidents[2].events[0].level` */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
