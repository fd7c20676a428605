-- Documents as received, their clean view, ingest runs and failures;
-- events and their evidence spans.

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    inputs TEXT NOT NULL,              -- JSON list of the paths given
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,              -- running | ok | failures | interrupted
    documents_seen INTEGER NOT NULL DEFAULT 0,
    documents_new INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,               -- content hash of text
    text TEXT NOT NULL,                -- exactly as received; every offset points here
    raw BLOB,                          -- markup as received (HTML, WARC body, RSS entry)
    format TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,                    -- ISO date
    language TEXT,
    external_id TEXT,
    version_key TEXT NOT NULL,         -- what makes two texts versions of one article
    previous_id TEXT REFERENCES documents(id),
    chars INTEGER NOT NULL,
    first_run INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_version_key ON documents(version_key);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE document_sources (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    path TEXT NOT NULL,
    record INTEGER NOT NULL DEFAULT 0, -- 0 when the whole file is the document
    record_kind TEXT,
    PRIMARY KEY (doc_id, path, record)
);

CREATE TABLE blocks (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- body | caption | dropped
    reason TEXT,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    record INTEGER NOT NULL DEFAULT 0,
    record_kind TEXT,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    first_run INTEGER REFERENCES runs(id),
    last_run INTEGER REFERENCES runs(id),
    UNIQUE (path, record, kind)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    policy_kind TEXT,
    status TEXT NOT NULL,
    people_low INTEGER,
    people_high INTEGER,
    people_approx INTEGER,
    people_per TEXT,
    people_cumulative INTEGER,
    origin TEXT NOT NULL DEFAULT '[]', -- JSON list of ISO alpha-3
    location TEXT,
    destination TEXT,
    places TEXT NOT NULL DEFAULT '[]', -- JSON list
    actor TEXT,
    source TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    change TEXT,                       -- JSON object or NULL
    extractor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field TEXT NOT NULL,               -- "event" for the event's own evidence, else a field name
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (event_id, field, idx)
);

CREATE TABLE extracted (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    extractor TEXT NOT NULL,
    events INTEGER NOT NULL,
    extracted_at TEXT NOT NULL
);
