import GRDB

/// The schema, as named migrations applied in order. Never edit a shipped migration: add a new one.
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
        return migrator
    }
}
