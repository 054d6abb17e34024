// Set by the build; "dev" when the sources run directly (tests).
declare const __VETTED_VERSION__: string | undefined;
export const VERSION: string = typeof __VETTED_VERSION__ === 'string' ? __VETTED_VERSION__ : 'dev';

// Set by the build: a hash of its sources; "dev" when the sources run directly.
declare const __VETTED_BUILD__: string | undefined;
/** Which build this is: what the database caches is keyed by it (see policyKey). */
export const BUILD: string = typeof __VETTED_BUILD__ === 'string' ? __VETTED_BUILD__ : 'dev';
