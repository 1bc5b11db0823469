import Foundation
import GRDB

/// The schema, as named migrations applied in order. Never edit a shipped migration: add a new one. A migration
/// speaks SQL, or reads and writes stored JSON through its own frozen types (``FrozenMigrations``), never through
/// Truce's model types, which may change after it shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-agreements-incidents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agreement (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        start_unix INTEGER,
                        end_unix INTEGER,
                        body TEXT NOT NULL
                    ) STRICT;
                    CREATE TABLE agreement_party (
                        agreement_id TEXT NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                        party_id TEXT NOT NULL,
                        role TEXT NOT NULL,
                        PRIMARY KEY (agreement_id, party_id)
                    ) STRICT;
                    CREATE TABLE incident (
                        id TEXT PRIMARY KEY NOT NULL,
                        start_unix INTEGER NOT NULL,
                        end_unix INTEGER,
                        time_precision TEXT NOT NULL,
                        country TEXT,
                        admin1 TEXT,
                        place TEXT,
                        latitude REAL,
                        longitude REAL,
                        geo_precision TEXT NOT NULL,
                        action TEXT,
                        target_category TEXT,
                        target_subtype TEXT,
                        perpetrator TEXT,
                        fatalities INTEGER,
                        body TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX incident_by_start ON incident(start_unix);
                    CREATE INDEX incident_by_country ON incident(country, start_unix);
                    CREATE INDEX incident_by_perpetrator ON incident(perpetrator, start_unix);
                    CREATE TABLE source_record (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        dataset TEXT NOT NULL,
                        file TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        record_key TEXT NOT NULL,
                        release TEXT,
                        fields TEXT NOT NULL,
                        PRIMARY KEY (incident_id, ordinal)
                    ) STRICT;
                    CREATE INDEX source_record_by_key ON source_record(dataset, record_key);
                    CREATE TABLE claim (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        claimant TEXT NOT NULL,
                        claimant_party TEXT,
                        accused TEXT,
                        source_url TEXT,
                        published TEXT,
                        PRIMARY KEY (incident_id, ordinal)
                    ) STRICT;
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        file TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        field TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        problems TEXT NOT NULL,
                        raw TEXT NOT NULL,
                        UNIQUE (dataset, file, line, raw)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v2-incident-history") { db in
            try db.execute(
                sql: """
                    ALTER TABLE incident ADD COLUMN release TEXT;
                    CREATE TABLE incident_history (
                        id INTEGER PRIMARY KEY,
                        incident_id TEXT NOT NULL,
                        release TEXT,
                        body TEXT NOT NULL,
                        UNIQUE (incident_id, body)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v3-compact-source-records") { db in
            // Source fields move out of the incident body into one values array per record, beside a shared header.
            try db.execute(
                sql: """
                    CREATE TABLE source_header (id INTEGER PRIMARY KEY, names TEXT NOT NULL UNIQUE) STRICT;
                    CREATE TABLE source_record_v3 (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        dataset TEXT NOT NULL,
                        file TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        record_key TEXT NOT NULL,
                        release TEXT,
                        header_id INTEGER NOT NULL REFERENCES source_header(id),
                        field_values TEXT NOT NULL,
                        PRIMARY KEY (incident_id, ordinal)
                    ) STRICT;
                    """)
            try FrozenMigrations.compactSourceRecords(db)
            try db.execute(
                sql: """
                    DROP TABLE source_record;
                    ALTER TABLE source_record_v3 RENAME TO source_record;
                    CREATE INDEX source_record_by_key ON source_record(dataset, record_key);
                    """)
        }
        migrator.registerMigration("v4-drop-unused-key-index") { db in
            // Incident ids already carry the dataset and key; this index only slowed imports.
            try db.execute(sql: "DROP INDEX source_record_by_key")
        }
        migrator.registerMigration("v5-verdicts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE verdict (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        agreement_id TEXT NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        checks TEXT NOT NULL,
                        rules_version TEXT NOT NULL,
                        PRIMARY KEY (incident_id, agreement_id)
                    ) STRICT;
                    CREATE INDEX verdict_by_agreement ON verdict(agreement_id, kind);
                    CREATE TABLE adjudication_mark (
                        subject TEXT NOT NULL,
                        id TEXT NOT NULL,
                        rules_version TEXT NOT NULL,
                        PRIMARY KEY (subject, id)
                    ) STRICT;
                    CREATE TABLE evidence (
                        incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        link_group TEXT NOT NULL,
                        level TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v6-claims-in-body-only") { db in
            // Claims live in each incident's body; this copy was written on every import and never read.
            try db.execute(sql: "DROP TABLE claim")
        }
        migrator.registerMigration("v7-longest-span") { db in
            // The longest incident span bounds how early an incident overlapping a period can start, so that
            // time queries scan the start index over a range instead of from the beginning.
            try db.execute(
                sql: """
                    CREATE TABLE store_meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) STRICT;
                    INSERT INTO store_meta (key, value)
                        SELECT 'longest_span', COALESCE(MAX(CASE WHEN end_unix IS NULL THEN \(openEnded) ELSE end_unix - start_unix END), 0)
                        FROM incident;
                    """)
        }
        migrator.registerMigration("v8-quarantine-by-line") { db in
            // A record quarantined from one file is not kept again from a copy of it under another name: the
            // check looks records up by dataset and line.
            try db.execute(sql: "CREATE INDEX quarantine_by_line ON quarantine(dataset, line)")
        }
        migrator.registerMigration("v9-outcome-acts-countries") { db in
            // What a summary needs to judge and count incidents: whether the act struck, how many acts an
            // aggregate reports, and every country of an incident in several (codes separated by spaces, NULL for one).
            // Bodies written before these fields existed hold none of them, so there is nothing to copy. The
            // partial index keeps a country filter on the indexes (a multi-index OR with incident_by_country):
            // without it, finding incidents in several countries scans every row.
            try db.execute(
                sql: """
                    ALTER TABLE incident ADD COLUMN outcome TEXT;
                    ALTER TABLE incident ADD COLUMN acts INTEGER;
                    ALTER TABLE incident ADD COLUMN countries TEXT;
                    CREATE INDEX incident_in_several_countries ON incident(countries) WHERE countries IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v10-evidence-may-describe") { db in
            // A record too vague to be placed in one event keeps the ids of the events it may describe, as a JSON
            // array; evidence stored before names none.
            try db.execute(sql: "ALTER TABLE evidence ADD COLUMN may_describe TEXT NOT NULL DEFAULT '[]'")
        }
        migrator.registerMigration("v11-dataset-coverage") { db in
            // Each dataset's records, earliest and latest start, kept up to date by every import, so that reports
            // can state what their data cover without scanning every incident.
            for (figure, aggregate) in [("records", "COUNT(*)"), ("earliest", "MIN(i.start_unix)"), ("latest", "MAX(i.start_unix)")] {
                try db.execute(
                    sql: """
                        INSERT INTO store_meta (key, value)
                            SELECT '\(SQLiteStore.coveragePrefix)' || s.dataset || ':\(figure)', \(aggregate)
                            FROM incident i JOIN source_record s ON s.incident_id = i.id AND s.ordinal = 0
                            GROUP BY s.dataset
                        """)
            }
        }
        migrator.registerMigration("v12-link-key") { db in
            // What linking reads of each incident, worked out once from its body, found by the first UTC day its
            // span touches (days since 2001-01-01), so that linking reads the days around new or changed records.
            // No foreign key: a changed incident is deleted and saved again, and its link record must outlive
            // that, to tell where the record was until its evidence is linked again. Every incident saved (new,
            // or changed: saved again) waits in link_pending until linking has taken it in, so that finding
            // them reads those, not the store. Evidence is found by event.
            try db.execute(
                sql: """
                    CREATE TABLE link_key (
                        incident_id TEXT PRIMARY KEY NOT NULL,
                        rules_version TEXT NOT NULL,
                        first_day INTEGER NOT NULL,
                        last_day INTEGER NOT NULL,
                        role TEXT NOT NULL,
                        start_seconds REAL NOT NULL,
                        end_seconds REAL,
                        target_category TEXT,
                        target_subtype TEXT,
                        target_words TEXT,
                        action TEXT,
                        country TEXT,
                        latitude REAL,
                        longitude REAL,
                        geo_precision TEXT NOT NULL,
                        region TEXT,
                        place TEXT,
                        coded_dataset TEXT,
                        own_level TEXT NOT NULL,
                        claims TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX link_key_by_first_day ON link_key(first_day, role);
                    CREATE INDEX link_key_vague_by_last_day ON link_key(last_day) WHERE role = 'vague';
                    CREATE INDEX link_key_members_by_country ON link_key(country, first_day) WHERE role = 'member';
                    CREATE INDEX evidence_by_group ON evidence(link_group);
                    CREATE TABLE link_pending (incident_id TEXT PRIMARY KEY NOT NULL) STRICT;
                    CREATE TRIGGER incident_link_pending AFTER INSERT ON incident
                    BEGIN
                        INSERT OR IGNORE INTO link_pending (incident_id) VALUES (NEW.id);
                    END;
                    """)
        }
        migrator.registerMigration("v13-packed-verdict-checks") { db in
            // A verdict keeps its clauses' outcomes packed in an integer (``PackedChecks``) instead of every
            // reason as JSON: reasons follow from the incident and the agreement, and are rendered when shown.
            try db.execute(
                sql: """
                    CREATE TABLE verdict_packed (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        agreement_id TEXT NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        outcomes INTEGER NOT NULL,
                        rules_version TEXT NOT NULL,
                        PRIMARY KEY (incident_id, agreement_id)
                    ) STRICT
                    """)
            try FrozenMigrations.packVerdictChecks(db)
            try db.execute(
                sql: """
                    DROP TABLE verdict;
                    ALTER TABLE verdict_packed RENAME TO verdict;
                    CREATE INDEX verdict_by_agreement ON verdict(agreement_id, kind);
                    """)
        }
        migrator.registerMigration("v15-link-pending-queued-by-save") { db in
            // A save queues the incidents it wrote in link_pending with one statement as its transaction ends
            // (``IncidentWriter/queueForLinking()``), instead of a trigger run for every row inserted: the same rows
            // at every commit, at a fraction of the cost of a bulk load.
            try db.execute(sql: "DROP TRIGGER IF EXISTS incident_link_pending")
        }
        migrator.registerMigration("v16-compact-incident-body") { db in
            // An incident's body keeps only what its columns and its source records' rows do not hold
            // (``CompactBody``): the rest is rebuilt from them on reading, and a full import writes half the bytes.
            try FrozenMigrations.compactIncidentBodies(db)
        }
        migrator.registerMigration("v17-accounts-and-audit") { db in
            // The server's users, API tokens, browser sessions and failed logins, and the audit trail of every
            // write. Secrets are never stored: passwords as bcrypt hashes, token secrets, session ids and CSRF
            // tokens as SHA-256 digests. Names are unique regardless of (ASCII) case. Times are Unix seconds. The
            // audit trail is append-only: triggers abort any change to or removal of an entry.
            try db.execute(
                sql: """
                    CREATE TABLE account_user (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'monitor', 'viewer')),
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        agreement_scope TEXT NOT NULL DEFAULT '[]',
                        created_at REAL NOT NULL
                    ) STRICT;
                    CREATE TABLE account_token (
                        id INTEGER PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES account_user(id),
                        label TEXT NOT NULL,
                        secret_sha256 BLOB NOT NULL UNIQUE,
                        created_at REAL NOT NULL,
                        expires_at REAL,
                        revoked_at REAL,
                        last_used_at REAL
                    ) STRICT;
                    CREATE INDEX account_token_by_user ON account_token(user_id);
                    CREATE TABLE account_session (
                        id_sha256 BLOB PRIMARY KEY NOT NULL,
                        user_id INTEGER NOT NULL REFERENCES account_user(id),
                        csrf_sha256 BLOB NOT NULL,
                        created_at REAL NOT NULL,
                        expires_at REAL NOT NULL
                    ) STRICT;
                    CREATE INDEX account_session_by_user ON account_session(user_id);
                    CREATE TABLE login_attempt (
                        id INTEGER PRIMARY KEY,
                        account TEXT NOT NULL COLLATE NOCASE,
                        address TEXT NOT NULL,
                        at REAL NOT NULL
                    ) STRICT;
                    CREATE INDEX login_attempt_by_account ON login_attempt(account, at);
                    CREATE INDEX login_attempt_by_address ON login_attempt(address, at);
                    CREATE TABLE audit_entry (
                        id INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        actor TEXT NOT NULL,
                        role TEXT,
                        action TEXT NOT NULL,
                        record_kind TEXT NOT NULL,
                        record_id TEXT NOT NULL,
                        before TEXT,
                        after TEXT,
                        request_id TEXT
                    ) STRICT;
                    CREATE INDEX audit_entry_by_actor ON audit_entry(actor COLLATE NOCASE, id);
                    CREATE INDEX audit_entry_by_record ON audit_entry(record_kind, record_id, id);
                    CREATE INDEX audit_entry_by_time ON audit_entry(at);
                    CREATE TRIGGER audit_entry_never_changed BEFORE UPDATE ON audit_entry
                    BEGIN
                        SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be changed');
                    END;
                    CREATE TRIGGER audit_entry_never_removed BEFORE DELETE ON audit_entry
                    BEGIN
                        SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be removed');
                    END;
                    """)
        }
        migrator.registerMigration("v18-review") { db in
            // Each record in review: its state and the reviewer holding it (a lock with an expiry, in Unix
            // seconds), and its review history, append-only like the audit trail. A record never reviewed has no
            // row: it is unreviewed.
            try db.execute(
                sql: """
                    CREATE TABLE review_status (
                        incident_id TEXT PRIMARY KEY NOT NULL,
                        state TEXT NOT NULL,
                        lock_holder TEXT,
                        lock_expires REAL,
                        updated_at REAL NOT NULL
                    ) STRICT;
                    CREATE INDEX review_status_by_state ON review_status(state, updated_at);
                    CREATE TABLE review_entry (
                        id INTEGER PRIMARY KEY,
                        incident_id TEXT NOT NULL,
                        action TEXT NOT NULL,
                        reviewer TEXT NOT NULL,
                        at REAL NOT NULL,
                        note TEXT NOT NULL,
                        state TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX review_entry_by_incident ON review_entry(incident_id, id);
                    CREATE TRIGGER review_entry_never_changed BEFORE UPDATE ON review_entry
                    BEGIN
                        SELECT RAISE(ABORT, 'the review history is append-only: an entry cannot be changed');
                    END;
                    CREATE TRIGGER review_entry_never_removed BEFORE DELETE ON review_entry
                    BEGIN
                        SELECT RAISE(ABORT, 'the review history is append-only: an entry cannot be removed');
                    END;
                    """)
        }
        migrator.registerMigration("v19-monitor-pseudonyms") { db in
            // Each user's pseudonym, random and unique: what readers who may not review see of a monitor who
            // submitted an observation, so that neither their name nor their account is shown.
            try db.execute(
                sql: """
                    ALTER TABLE account_user ADD COLUMN pseudonym TEXT;
                    UPDATE account_user SET pseudonym = lower(hex(randomblob(5)));
                    CREATE UNIQUE INDEX account_user_by_pseudonym ON account_user(pseudonym);
                    """)
        }
        migrator.registerMigration("v20-subscriptions") { db in
            // Users' subscriptions to agreements, and the notifications delivered to each (by entry id), so that
            // a notification goes out once. The secret signs webhook deliveries, so it is kept as it is.
            try db.execute(
                sql: """
                    CREATE TABLE subscription (
                        id INTEGER PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES account_user(id) ON DELETE CASCADE,
                        agreement_id TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        webhook_url TEXT,
                        secret TEXT NOT NULL,
                        created_at REAL NOT NULL
                    ) STRICT;
                    CREATE INDEX subscription_by_user ON subscription(user_id);
                    CREATE TABLE subscription_delivery (
                        subscription_id INTEGER NOT NULL,
                        entry_id TEXT NOT NULL,
                        delivered_at REAL NOT NULL,
                        PRIMARY KEY (subscription_id, entry_id)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v21-vague-records-by-days") { db in
            // Linking around a changed record reads the vague records whose spans touch its days: with both ends
            // in the index, those that end after the days but start after them too are passed over in the index
            // instead of read from the table.
            try db.execute(
                sql: """
                    DROP INDEX link_key_vague_by_last_day;
                    CREATE INDEX link_key_vague_by_days ON link_key(last_day, first_day) WHERE role = 'vague';
                    """)
        }
        migrator.registerMigration("v22-agreement-writes") { db in
            // A number that changes whenever an agreement is added, changed or removed, by any connection, so
            // that a process may keep the agreements it decoded until then. It starts at random, so that two
            // stores hardly ever share a number.
            try db.execute(
                sql: """
                    INSERT INTO store_meta (key, value) VALUES ('\(agreementWritesKey)', abs(random() % 1000000000000));
                    CREATE TRIGGER agreement_written_insert AFTER INSERT ON agreement
                        BEGIN UPDATE store_meta SET value = value + 1 WHERE key = '\(agreementWritesKey)'; END;
                    CREATE TRIGGER agreement_written_update AFTER UPDATE ON agreement
                        BEGIN UPDATE store_meta SET value = value + 1 WHERE key = '\(agreementWritesKey)'; END;
                    CREATE TRIGGER agreement_written_delete AFTER DELETE ON agreement
                        BEGIN UPDATE store_meta SET value = value + 1 WHERE key = '\(agreementWritesKey)'; END;
                    """)
        }
        migrator.registerMigration("v23-queue-judged-breaches") { db in
            // The review queue holds, besides monitors' observations, every record judged a violation or a possible
            // violation (adjudication queues them from now on): those judged before join it, unreviewed.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO review_status (incident_id, state, updated_at)
                    SELECT DISTINCT incident_id, 'unreviewed', CAST(strftime('%s', 'now') AS REAL) FROM verdict
                    WHERE kind IN ('violation', 'possible_violation')
                    """)
        }
        return migrator
    }

    /// The `store_meta` key of the number that changes with every write of an agreement.
    static let agreementWritesKey = "agreement_writes"

    /// The span recorded for an open-ended incident: long enough that no bound is applied.
    static let openEnded: Int64 = 1 << 40
}
