// The schema, as named migrations. Each runs in its own transaction and bumps user_version.

/** "VETT" */
export const APPLICATION_ID = 0x56455454;

export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    name: 'companies, checks, incidents, events and pins',
    sql: `
      CREATE TABLE companies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        skeleton TEXT NOT NULL,
        parent_id INTEGER REFERENCES companies(id) ON DELETE SET NULL,
        website TEXT,
        category TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX companies_skeleton ON companies(skeleton);
      CREATE INDEX companies_parent ON companies(parent_id);

      CREATE TABLE aliases (
        company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE
      );
      CREATE INDEX aliases_company ON aliases(company_id);

      CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        checklist TEXT NOT NULL,
        checklist_version INTEGER NOT NULL,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        lang TEXT,
        score INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        dealbreakers TEXT NOT NULL,
        answers TEXT NOT NULL
      );
      CREATE INDEX checks_company ON checks(company_id, checklist, at);

      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        opened TEXT NOT NULL,
        opened_ms INTEGER NOT NULL,
        fault TEXT NOT NULL,
        closed TEXT
      );
      CREATE INDEX incidents_company ON incidents(company_id, opened_ms);
      CREATE INDEX incidents_ref_nocase ON incidents(ref COLLATE NOCASE);

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX events_incident ON events(incident_id, at_ms);

      CREATE TABLE pins (
        company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      );
    `,
  },
  {
    name: 'a cache of verdicts; the store drops a company\'s row whenever its evidence changes',
    sql: `
      CREATE TABLE verdicts (
        company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        entry TEXT NOT NULL,
        verdict TEXT NOT NULL,
        md_row TEXT,
        md_row_ru TEXT,
        policy TEXT NOT NULL,
        valid_until INTEGER
      );
      CREATE INDEX verdicts_policy ON verdicts(policy, list);
    `,
  },
  {
    name: 'cached verdicts keep facts, not words: one markdown-row column for every language',
    sql: `
      DELETE FROM verdicts;
      ALTER TABLE verdicts DROP COLUMN md_row;
      ALTER TABLE verdicts DROP COLUMN md_row_ru;
      ALTER TABLE verdicts ADD COLUMN md_rows TEXT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
