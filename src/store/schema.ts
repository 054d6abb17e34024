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
    name: 'sources: other people\'s shared lists and public complaint records, kept apart from your own evidence',
    sql: `
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        file TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        exported_at TEXT,
        label TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT,
        rows_read INTEGER NOT NULL DEFAULT 0,
        rows_skipped INTEGER NOT NULL DEFAULT 0,
        skipped TEXT NOT NULL DEFAULT '[]',
        date_from TEXT,
        date_to TEXT
      );

      CREATE TABLE source_companies (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        complaints INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX source_companies_source ON source_companies(source_id);

      -- Every name and alias of a source's company by its key: how it meets the user's companies.
      CREATE TABLE source_names (
        source_company_id INTEGER NOT NULL REFERENCES source_companies(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        PRIMARY KEY (key, source_company_id)
      ) WITHOUT ROWID;
      CREATE INDEX source_names_company ON source_names(source_company_id);

      CREATE TABLE source_lists (
        source_company_id INTEGER PRIMARY KEY REFERENCES source_companies(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        since TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        reasons TEXT NOT NULL
      );

      -- A source's checks and incidents as its file gives them (JSON), judged by the user's own policy when shown.
      CREATE TABLE source_evidence (
        id INTEGER PRIMARY KEY,
        source_company_id INTEGER NOT NULL REFERENCES source_companies(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX source_evidence_company ON source_evidence(source_company_id);

      -- Public complaint records, counted per company, month and product.
      CREATE TABLE complaint_counts (
        source_company_id INTEGER NOT NULL REFERENCES source_companies(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        product TEXT NOT NULL,
        complaints INTEGER NOT NULL,
        timely INTEGER NOT NULL,
        untimely INTEGER NOT NULL,
        explained INTEGER NOT NULL,
        monetary INTEGER NOT NULL,
        non_monetary INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        disputed_yes INTEGER NOT NULL,
        disputed_no INTEGER NOT NULL,
        PRIMARY KEY (source_company_id, month, product)
      ) WITHOUT ROWID;

      CREATE TABLE complaint_issues (
        source_company_id INTEGER NOT NULL REFERENCES source_companies(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        issue TEXT NOT NULL,
        complaints INTEGER NOT NULL,
        PRIMARY KEY (source_company_id, month, issue)
      ) WITHOUT ROWID;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
