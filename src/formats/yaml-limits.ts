// Limits for every YAML document we read: an alias bomb is refused, not expanded.
export const YAML_LIMITS = { maxAliasCount: 100 } as const;
