// The schema, as named migrations. Each runs in its own transaction and bumps user_version.

import { companyKey, lookalikeSkeleton, slugOf } from '../domain/names.js';

/** "VETT" */
export const APPLICATION_ID = 0x56455454;

export interface Migration {
  name: string;
  sql: string;
  /** Work SQL alone cannot do (filling ids, installing the journal's triggers), run after `sql`. */
  run?: (db: MigrationDb) => void;
}

/** The part of the driver a migration uses. */
export interface MigrationDb {
  exec(sql: string): unknown;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
}

/** The tables that hold the user's record: every change to them is journaled, so it can be undone. */
export const JOURNALED_TABLES = ['companies', 'aliases', 'checks', 'incidents', 'events', 'pins', 'attachments'] as const;

/** A table's columns, in order. */
export function columnsOf(db: MigrationDb, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
}

/** Adds a column where it is not there already (a copy of a newer database marked older by hand has it). */
function addColumn(db: MigrationDb, table: string, column: string, declaration: string): void {
  if (!columnsOf(db, table).includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
}

/** What the journal keeps as the company of a change to a row (`row`: OLD, NEW, or the table itself in a query of it). */
export function journalCompanyOf(table: string, cols: readonly string[], row: string): string {
  return table === 'companies'
    ? `${row}.id`
    : cols.includes('company_id')
      ? `${row}.company_id`
      : `(SELECT company_id FROM incidents WHERE id = ${row}.incident_id)`;
}

/** What the journal keeps of a row before it changed: the whole row, as JSON. */
export function journalOldOf(cols: readonly string[], row: string): string {
  return `json_object(${cols.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
}

/**
 * Counters an undo never takes back: the number an incident gave its last event. An event's
 * number (`<incident>#<n>`) is cited by letters, attachments and exported files, so a number
 * once given is never given to another event, even after the undo of the one that had it.
 * Counting up is no change of the record: an update of a row that changes only its counters is
 * not journaled. (Journaled, each event added was a change of its incident too, and of two
 * events added to one incident the first could not be undone without the second.)
 */
export const COUNTERS: Partial<Record<string, readonly string[]>> = { incidents: ['last_seq'] };

/**
 * (Re)creates the triggers that write each change of a journaled table into `changes`, in the
 * same transaction as the change: an insert keeps the row's id, an update or a delete the
 * whole old row, enough to revert it exactly (an update of its counters alone is none; see
 * COUNTERS). `vetted_op()` is the operation being written;
 * outside one it is NULL, and the NOT NULL column refuses the write, so that no change can
 * escape the journal. Run again by any migration that adds a column to a journaled table.
 */
export function installJournalTriggers(db: MigrationDb, tables: readonly string[] = JOURNALED_TABLES): void {
  for (const table of tables) {
    const cols = columnsOf(db, table);
    const company = (row: 'NEW' | 'OLD') => journalCompanyOf(table, cols, row);
    const old = journalOldOf(cols, 'OLD');
    const counters = COUNTERS[table] ?? [];
    const changed = counters.length ? ` WHEN ${cols.filter((c) => !counters.includes(c)).map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}` : '';
    db.exec(`
      DROP TRIGGER IF EXISTS journal_${table}_insert;
      DROP TRIGGER IF EXISTS journal_${table}_update;
      DROP TRIGGER IF EXISTS journal_${table}_delete;
      CREATE TRIGGER journal_${table}_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO changes (op, tbl, row, kind, company) VALUES (vetted_op(), '${table}', NEW.rowid, 'i', ${company('NEW')});
      END;
      CREATE TRIGGER journal_${table}_update AFTER UPDATE ON ${table}${changed} BEGIN
        INSERT INTO changes (op, tbl, row, kind, company, old) VALUES (vetted_op(), '${table}', OLD.rowid, 'u', ${company('NEW')}, ${old});
      END;
      CREATE TRIGGER journal_${table}_delete AFTER DELETE ON ${table} BEGIN
        INSERT INTO changes (op, tbl, row, kind, company, old) VALUES (vetted_op(), '${table}', OLD.rowid, 'd', ${company('OLD')}, ${old});
      END;
    `);
  }
}

/** The stable id of a check: `<company slug>-check-<n>`. */
const checkRefs = (db: MigrationDb, slugOf: (name: string) => string) => {
  const rows = db.prepare('SELECT k.id, c.name FROM checks k JOIN companies c ON c.id = k.company_id ORDER BY k.at_ms, k.id').all() as { id: number; name: string }[];
  const taken = new Set<string>();
  const set = db.prepare('UPDATE checks SET ref = ? WHERE id = ?');
  for (const r of rows) {
    const slug = slugOf(r.name);
    let n = 1;
    while (taken.has(`${slug}-check-${n}`)) n++;
    taken.add(`${slug}-check-${n}`);
    set.run(`${slug}-check-${n}`, r.id);
  }
};

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
    name: 'attachments: files kept with an incident, their content stored once per SHA-256',
    sql: `
      CREATE TABLE blobs (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        blob_id INTEGER NOT NULL REFERENCES blobs(id),
        name TEXT NOT NULL,
        note TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX attachments_incident ON attachments(incident_id);
      CREATE INDEX attachments_blob ON attachments(blob_id);
      CREATE INDEX attachments_event ON attachments(event_id);
      -- Content no attachment refers to any more is dropped with its last attachment.
      CREATE TRIGGER attachments_drop_blob AFTER DELETE ON attachments
        WHEN NOT EXISTS (SELECT 1 FROM attachments WHERE blob_id = OLD.blob_id)
        BEGIN DELETE FROM blobs WHERE id = OLD.blob_id; END;
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

MIGRATIONS.push({
  name: 'stable ids of checks and events, and the journal of every change',
  sql: `
    ALTER TABLE checks ADD COLUMN ref TEXT;
    ALTER TABLE events ADD COLUMN seq INTEGER;
    ALTER TABLE incidents ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
    UPDATE events SET seq = (SELECT n FROM (
      SELECT id AS eid, row_number() OVER (PARTITION BY incident_id ORDER BY at_ms, id) AS n FROM events
    ) WHERE eid = events.id);
    UPDATE incidents SET last_seq = coalesce((SELECT max(seq) FROM events WHERE incident_id = incidents.id), 0);
    CREATE UNIQUE INDEX events_seq ON events(incident_id, seq);

    CREATE TABLE operations (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      command TEXT NOT NULL,
      summary TEXT NOT NULL,
      -- the operation this one reverted (an undo), and the one that reverted this
      reverts INTEGER,
      reverted_by INTEGER
    );
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY,
      -- the operation (operations.id); no foreign key: an operation's row is written after its changes
      op INTEGER NOT NULL,
      tbl TEXT NOT NULL,
      row INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('i', 'u', 'd')),
      company INTEGER,
      old TEXT
    );
    CREATE INDEX changes_op ON changes(op);
  `,
  run: (db) => {
    // An attachment's content stays while the journal may bring the attachment back; it
    // goes when the journal forgets (history prune).
    db.exec('DROP TRIGGER IF EXISTS attachments_drop_blob');
    checkRefs(db, slugOf);
    db.exec('CREATE UNIQUE INDEX checks_ref ON checks(ref)');
    installJournalTriggers(db);
  },
});

MIGRATIONS.push({
  name: 'cached verdicts keep facts, not words: one markdown-row column for every language',
  sql: `
    DELETE FROM verdicts;
    ALTER TABLE verdicts DROP COLUMN md_row;
    ALTER TABLE verdicts DROP COLUMN md_row_ru;
    ALTER TABLE verdicts ADD COLUMN md_rows TEXT;
  `,
});

MIGRATIONS.push({
  name: 'cached verdicts keep the list entry only: a whole verdict is judged again when asked for',
  sql: `
    DELETE FROM verdicts;
    ALTER TABLE verdicts DROP COLUMN verdict;
    DROP INDEX verdicts_policy;
    CREATE INDEX verdicts_fresh ON verdicts(policy, valid_until);
  `,
});

/** The trigger that drops an incident's digest when an event is added to it (a bulk insert
 * sets it aside, and drops the digests it must itself: see Store.bulkInsert). */
/** A cached verdict of a listed company without its text for `lists --json` (the condition of its index, verdicts_unworded). */
export const UNWORDED = "json IS NULL AND list <> 'unlisted'";

/** The cached verdicts' index in listing order (the store makes it again after judging every company). */
export const VERDICTS_LISTING_INDEX_NAME = 'verdicts_fresh';
export const VERDICTS_LISTING_INDEX = `CREATE INDEX ${VERDICTS_LISTING_INDEX_NAME} ON verdicts(policy, list, key, valid_until)`;

export const DIGESTS_EVENT_INSERT_NAME = 'digests_event_insert';
export const DIGESTS_EVENT_INSERT = `CREATE TRIGGER ${DIGESTS_EVENT_INSERT_NAME} AFTER INSERT ON events BEGIN
      DELETE FROM digests WHERE incident_id = NEW.incident_id;
    END;`;

/** The trigger that drops an incident's digest when one of its events is deleted (the undo of
 * created events sets it aside when no digest is kept: see deleteCreated). */
export const DIGESTS_EVENT_DELETE_NAME = 'digests_event_delete';
export const DIGESTS_EVENT_DELETE = `CREATE TRIGGER ${DIGESTS_EVENT_DELETE_NAME} AFTER DELETE ON events BEGIN
      DELETE FROM digests WHERE incident_id = OLD.incident_id;
    END;`;

MIGRATIONS.push({
  name: 'the digest of each timeline, which listings read instead of its events',
  sql: `
    -- Derived from an incident's events and dropped by the triggers below whenever one of
    -- them changes, so that whatever writes an event (a command, an import, an undo) leaves
    -- no stale digest. No foreign key: a large undo deletes rows with the keys off, and a
    -- digest left behind by an incident without events is that of any empty timeline.
    CREATE TABLE digests (
      incident_id INTEGER PRIMARY KEY,
      digest TEXT NOT NULL
    );
    ${DIGESTS_EVENT_INSERT}
    CREATE TRIGGER digests_event_update AFTER UPDATE ON events BEGIN
      DELETE FROM digests WHERE incident_id IN (OLD.incident_id, NEW.incident_id);
    END;
    ${DIGESTS_EVENT_DELETE}
  `,
});

MIGRATIONS.push({
  name: "each company's incidents indexed in the order listings show them",
  sql: `
    -- Opening time, then id: with the id in the index, a listing of every incident walks it in
    -- order, where SQLite sorted each company's incidents by id again (a third of reading
    -- the order of 14,000 incidents).
    DROP INDEX incidents_company;
    CREATE INDEX incidents_order ON incidents(company_id, opened_ms, ref);
  `,
});

MIGRATIONS.push({
  name: 'the moment the cached verdicts were last judged at: a clock set back before it judges them all again',
  sql: `
    -- One row at most. A verdict holds from when it was judged until its valid_until; a clock
    -- set back (by hand, a restored machine, a database carried to one whose clock is behind)
    -- would otherwise keep verdicts judged in its future, a broken promise not yet due among them.
    CREATE TABLE verdicts_judged (at INTEGER NOT NULL);
  `,
});

MIGRATIONS.push({
  name: 'the build that worked out the kept digests (another build drops them, to work them out its own way); the ids of incidents and checks removed, never handed out again',
  sql: `
    -- An id once shown stays that record's: a letter, a receipt's name or a note may cite it,
    -- and an undo of the removal brings the record back under it. Kept by the removals
    -- themselves, and by an undo of the operation that made the record (a redo brings it back),
    -- not journaled: an undo of the removal leaves the id retired, and its own.
    CREATE TABLE retired_refs (kind TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (kind, ref)) WITHOUT ROWID;
    -- The ids of incidents and checks removed before, as far as the journal remembers them.
    INSERT OR IGNORE INTO retired_refs (kind, ref)
      SELECT CASE tbl WHEN 'incidents' THEN 'incident' ELSE 'check' END, json_extract(old, '$.ref') FROM changes
      WHERE kind = 'd' AND tbl IN ('incidents', 'checks') AND json_valid(old) AND json_extract(old, '$.ref') IS NOT NULL;
    -- One row at most. A digest is read by the build that reads it: one kept by an older build
    -- (without a field a newer one reads, or with a field's meaning changed) would be misread, so
    -- a database opened by another build drops them all (see keepDigestsOfThisBuild), as the
    -- digests kept before this table was made are dropped here, the table made again.
    CREATE TABLE digests_build (build TEXT NOT NULL);
    -- Beside each digest, what \`incident list\` reads of it, in a short text (listedText).
    DROP TABLE digests;
    CREATE TABLE digests (
      incident_id INTEGER PRIMARY KEY,
      digest TEXT NOT NULL,
      listed TEXT NOT NULL
    );
  `,
});

MIGRATIONS.push({
  name: "a removed row's id never given to another row: the journal names rows by their ids",
  sql: '',
  // SQLite gives a new row one more than the largest id in its table, so that the id of the
  // last row removed went to the next row added. The journal knows the rows it changed by their
  // ids: the undo of a removal was refused as if a later operation had changed that row, and
  // `history --company` could take another company's operations for one removed. Each journaled
  // table is made again with AUTOINCREMENT (ids only ever grow), keeping every row under its id,
  // and starts above every id the journal remembers. Aliases, which had only SQLite's hidden
  // rowid (a copy of the database renumbered them), get an id of their own, first, as the rest.
  // Run with the foreign keys off (see migrate): a table dropped with them on deletes the rows
  // of every table that refers to it.
  run: (db) => {
    // Pins are keyed by their company's id.
    const rebuilt = JOURNALED_TABLES.filter((t) => t !== 'pins');
    for (const table of rebuilt) {
      const [made] = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").all(table) as { sql: string }[];
      // Made so already (a copy of a newer database marked older by hand): as it is.
      if (/\bAUTOINCREMENT\b/u.test(made.sql)) continue;
      const own = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'journal\\_%' ESCAPE '\\' ORDER BY type, name").all(table) as { sql: string }[];
      const growing =
        table === 'aliases'
          ? made.sql.replace(/^(CREATE TABLE aliases \()/u, '$1\n        id INTEGER PRIMARY KEY AUTOINCREMENT,')
          : made.sql.replace(/\bid INTEGER PRIMARY KEY\b/u, 'id INTEGER PRIMARY KEY AUTOINCREMENT');
      if (growing === made.sql) throw new Error(`${table}: no id to make grow`);
      db.exec(`
        CREATE TABLE vetted_rows_kept AS SELECT ${table === 'aliases' ? 'rowid AS id, ' : ''}* FROM ${table};
        DROP TABLE ${table};
        ${growing};
        INSERT INTO ${table} SELECT * FROM vetted_rows_kept;
        DROP TABLE vetted_rows_kept;
      `);
      for (const o of own) db.exec(o.sql);
    }
    // Each table's ids start above the largest it holds and the largest the journal remembers.
    db.exec(`
      DELETE FROM sqlite_sequence;
      INSERT INTO sqlite_sequence (name, seq)
        SELECT t, max(coalesce(held, 0), coalesce(remembered, 0)) FROM (
          ${rebuilt.map((t) => `SELECT '${t}' AS t, (SELECT max(id) FROM ${t}) AS held`).join(' UNION ALL ')}
        ) LEFT JOIN (SELECT tbl, max(row) AS remembered FROM changes GROUP BY tbl) ON tbl = t;
    `);
    // Made again for every table: an alias's changes keep its id now.
    installJournalTriggers(db);
  },
});

MIGRATIONS.push({
  name: 'the ids of checks, and those retired, found ignoring case, as incidents are',
  // (As they may be there already: a copy of a newer database marked older by hand.)
  // An id is looked up ignoring case where none has its case, so that a new one is given only
  // when no id there or retired differs from it in case alone (see Store.firstFreeRef): a
  // range of them ignoring case, on these indexes, rather than a reading of every one.
  sql: `
    CREATE INDEX IF NOT EXISTS checks_ref_nocase ON checks(ref COLLATE NOCASE);
    CREATE INDEX IF NOT EXISTS retired_refs_nocase ON retired_refs(kind, ref COLLATE NOCASE);
  `,
});

MIGRATIONS.push({
  name: 'the last change made before each source was added or updated: a plain undo does not go past a source',
  // Sources are not in the journal: an undo run just after one would take back the change made
  // before it. The number of the last operation at the time (not a time: the journal keeps UTC,
  // a source the local time, and a source of the same second was not known to be after).
  // (Added only where it is not there already: a copy of a newer database marked older by hand.)
  sql: '',
  run(db) {
    addColumn(db, 'sources', 'after_op', 'INTEGER');
  },
});

MIGRATIONS.push({
  name: 'cached verdicts in listing order: each beside its company\'s name key, indexed by policy, list and key',
  // A listing read each list by walking every company in name order and looking up its verdict
  // (three walks of all of them for three lists); it now reads a list's own verdicts from the
  // index, already in name order. The key is the company's when it was judged: a rename changes
  // the company, and the store drops its verdict then (as any change of it). The index keeps its
  // name, and with each verdict's valid_until last it still counts the verdicts that hold: a
  // second index to write cost the first listing after an import more than the reading saves.
  // (The column is added only where it is not there already: a copy of a newer database marked
  // older by hand.)
  sql: '',
  run(db) {
    db.exec('DELETE FROM verdicts');
    addColumn(db, 'verdicts', 'key', "TEXT NOT NULL DEFAULT ''");
    db.exec(`DROP INDEX IF EXISTS verdicts_fresh; ${VERDICTS_LISTING_INDEX}`);
  },
});

MIGRATIONS.push({
  name: "each shared company's own name key, beside the keys of all its names",
  // A shared company is counted as the one of yours that its own name names, where its names
  // (its own and its aliases) name several of yours: it took the first of them by key, so that
  // a file could put its verdict on any company of yours by giving that company's name as an
  // alias. (Added only where it is not there already: a copy of a newer database marked older by hand.)
  sql: '',
  run(db) {
    addColumn(db, 'source_companies', 'key', "TEXT NOT NULL DEFAULT ''");
    const setKey = db.prepare('UPDATE source_companies SET key = ? WHERE id = ?');
    for (const { id, name } of db.prepare('SELECT id, name FROM source_companies').all() as { id: number; name: string }[]) setKey.run(companyKey(name), id);
  },
});

MIGRATIONS.push({
  name: "an incident's count of its events is no change the journal keeps: each event added to an incident is undone on its own",
  // The count went up with each event added, and the journal kept that as a change of the
  // incident; two events added to one incident were then two changes of one row, and the first
  // could not be undone while the second stood. An undo never took the count back (see
  // COUNTERS), so such a change put nothing back: the triggers keep none now, and the changes
  // kept before that changed the count alone are forgotten. What a change left a row as is the
  // row before the next change to it, or the row as it is now.
  sql: '',
  run(db) {
    installJournalTriggers(db, ['incidents']);
    const cols = columnsOf(db, 'incidents');
    const counters = COUNTERS.incidents ?? [];
    const without = (json: string) => `json_remove(${json}, ${counters.map((c) => `'$.${c}'`).join(', ')})`;
    db.exec(`
      DELETE FROM changes WHERE seq IN (
        SELECT seq FROM (
          SELECT seq, kind, row, old, lead(seq) OVER w AS next, lead(old) OVER w AS next_old
          FROM changes WHERE tbl = 'incidents' WINDOW w AS (PARTITION BY row ORDER BY seq)
        ) u
        WHERE kind = 'u'
          AND ${without('old')} = ${without(`CASE WHEN next IS NULL THEN (SELECT ${journalOldOf(cols, 'i')} FROM incidents i WHERE i.id = u.row) ELSE next_old END`)}
      );
    `);
  },
});

MIGRATIONS.push({
  name: 'beside each cached list entry, its text as `lists --json` gives it, in the words of both languages',
  // Made from the entry when it is judged for that listing (or, for an entry judged by another
  // command, at the first such listing after), and dropped with it: a warm listing of 10,000
  // companies parsed every entry, put its reasons in two languages' words and stringified it
  // again, and spent more on that than on everything else. The words are the build's, which the
  // entry's policy key names; JSON carries both languages, so no language is part of the text.
  // (Added only where it is not there already: a copy of a newer database marked older by hand.)
  sql: '',
  run(db) {
    addColumn(db, 'verdicts', 'json', 'TEXT');
    // Which entries are still without it, found without reading every cached row.
    db.exec(`CREATE INDEX IF NOT EXISTS verdicts_unworded ON verdicts(policy) WHERE ${UNWORDED}`);
  },
});

MIGRATIONS.push({
  name: 'the policy the cached verdicts were judged under, kept once: each row keeps the words of its texts',
  // Every cached row carried the key of the policy it was judged under, so that a change of
  // policy wrote every row again, the texts of those whose entry had not changed too: some 13 MB
  // at 10,000 companies, for a few hundred entries changed. The key is kept once now, beside
  // the moment the verdicts were judged at, and each row keeps the last part of it, the words of
  // its texts (see wordsKey). The verdicts cached before are judged again.
  // (Added only where it is not there already: a copy of a newer database marked older by hand.)
  sql: '',
  run(db) {
    db.exec('DELETE FROM verdicts; DELETE FROM verdicts_judged');
    addColumn(db, 'verdicts_judged', 'policy', 'TEXT');
  },
});

MIGRATIONS.push({
  name: "the database's own id, which the events of its calendar carry",
  // A calendar's UID is to be unique in the world (RFC 5545): `acme-1#3@vetted` was the UID of
  // a deadline in every database with an acme-1, and two people's calendars read into one took
  // each other's events for their own (one replaced the other). Made once, at random: a backup
  // and its restore keep it (they are the one record); an import into a new database makes one.
  // (Made only where it is not there already: a copy of a newer database marked older by hand.)
  sql: `
    CREATE TABLE IF NOT EXISTS database_id (id TEXT NOT NULL);
    INSERT INTO database_id (id) SELECT lower(hex(randomblob(8))) WHERE NOT EXISTS (SELECT 1 FROM database_id);
  `,
});

MIGRATIONS.push({
  name: 'which change each undo stands for, worked out again for every chain of undos and redos',
  // An undo of a redo made what the redo had undone stand again, but left the change that undo
  // had undone standing too: a removal undone, redone and undone again read as in effect, and
  // a plain undo then put back what was there (a record already there, or a note already gone).
  // An operation is undone by the undo of it that stands, and stands when none does; an undo is
  // newer than what it undoes, so the newest are settled first. One undone by an operation a
  // prune forgot stays so.
  sql: '',
  run(db) {
    const ops = db
      .prepare('SELECT id, reverts, reverted_by FROM operations WHERE reverts IS NOT NULL OR reverted_by IS NOT NULL OR id IN (SELECT reverts FROM operations) ORDER BY id DESC')
      .all() as { id: number; reverts: number | null; reverted_by: number | null }[];
    const kept = db.prepare('SELECT 1 FROM operations WHERE id = ?');
    const standingUndo = new Map<number, number>();
    const set = db.prepare('UPDATE operations SET reverted_by = ? WHERE id = ?');
    for (const op of ops) {
      const by = standingUndo.get(op.id) ?? (op.reverted_by !== null && !kept.all(op.reverted_by).length ? op.reverted_by : null);
      if (by !== op.reverted_by) set.run(by, op.id);
      if (by === null && op.reverts !== null && !standingUndo.has(op.reverts)) standingUndo.set(op.reverts, op.id);
    }
  },
});

MIGRATIONS.push({
  name: "each alias's lookalike skeleton, indexed as a company name's is",
  // A name spelt with letters of another script (a Cyrillic о for an o) was taken for a new
  // company without a word where it looked like another company's alias: only names had a
  // skeleton to compare. Aliases have one now, worked out as a name's, and the changes the
  // journal kept of aliases before hold it too, so that an undo puts it back with the alias.
  // (Added only where it is not there already: a copy of a newer database marked older by hand.)
  sql: '',
  run(db) {
    // Filling the column is no change of the record: not journaled (the triggers are made again below).
    db.exec('DROP TRIGGER IF EXISTS journal_aliases_update');
    addColumn(db, 'aliases', 'skeleton', 'TEXT');
    db.exec('CREATE INDEX IF NOT EXISTS aliases_skeleton ON aliases(skeleton)');
    const setSkeleton = db.prepare('UPDATE aliases SET skeleton = ? WHERE id = ?');
    for (const { id, key } of db.prepare('SELECT id, key FROM aliases').all() as { id: number; key: string }[]) setSkeleton.run(lookalikeSkeleton(key), id);
    const kept = db.prepare(
      "SELECT seq, json_extract(old, '$.key') AS key FROM changes WHERE tbl = 'aliases' AND json_valid(old) AND json_type(old, '$.key') = 'text'",
    ).all() as { seq: number; key: string }[];
    const setKept = db.prepare("UPDATE changes SET old = json_set(old, '$.skeleton', ?) WHERE seq = ?");
    for (const { seq, key } of kept) setKept.run(lookalikeSkeleton(key), seq);
    // The journal keeps the whole row: its triggers are made again, with the new column.
    installJournalTriggers(db, ['aliases']);
  },
});

MIGRATIONS.push({
  name: "a timeline's events indexed by their incident, moment and number, the order they are read in",
  // Events of one moment are read in the order of their numbers (the same in every database, where
  // their rows' order is not after an import): the index by incident and moment left that last
  // step to a sort of every batch an export reads (`export --format json` 8.28 → 9.25 NU).
  sql: 'DROP INDEX IF EXISTS events_incident; CREATE INDEX events_incident ON events(incident_id, at_ms, seq);',
});

export const SCHEMA_VERSION = MIGRATIONS.length;
