// Set by the build; "dev" when the sources run directly (tests).
declare const __VETTED_VERSION__: string | undefined;
export const VERSION: string = typeof __VETTED_VERSION__ === 'string' ? __VETTED_VERSION__ : 'dev';
