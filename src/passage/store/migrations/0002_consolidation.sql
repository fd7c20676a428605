-- Consolidation: duplicate documents, one event per fact across reports.
-- Written only by passage.consolidate; rebuilt or updated by `passage consolidate`.
-- report_blocks indexes each report by what a matching report must share, so that
-- an incremental run finds a new report's candidates without scanning events.
-- No foreign key points at events: re-extraction replaces events, and the next
-- consolidation notices the change (event id and the digest of its fields) and
-- redoes that part.

CREATE TABLE doc_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    scheme TEXT NOT NULL,              -- MinHash permutation scheme and seed, e.g. affine32/1
    signature BLOB,                    -- MinHash hash values (uint64, little endian); NULL when no body text
    body_hash TEXT NOT NULL,           -- hash of the normalised body text (equal bodies are 'same')
    shingles INTEGER NOT NULL          -- number of distinct word 5-grams in the body
);

CREATE TABLE doc_clusters (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    cluster_id TEXT NOT NULL,          -- the representative document's id
    similarity REAL NOT NULL,          -- estimated Jaccard similarity to the representative
    relation TEXT NOT NULL             -- same | version | copy (the representative is 'same')
);
CREATE INDEX doc_clusters_cluster ON doc_clusters(cluster_id);

CREATE TABLE consolidated_events (
    id TEXT PRIMARY KEY,
    component TEXT NOT NULL,           -- the group of compatible reports it was decided in
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
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    first_published TEXT,
    last_published TEXT,
    reports INTEGER NOT NULL,          -- duplicate clusters that report it (copies count once)
    documents INTEGER NOT NULL,        -- documents that report it
    conflict INTEGER NOT NULL,         -- 1 when the reports' figures disagree
    method TEXT NOT NULL               -- how people was combined
);
CREATE INDEX consolidated_events_component ON consolidated_events(component);
CREATE INDEX consolidated_events_type_date ON consolidated_events(type, date_start);

CREATE TABLE consolidated_members (
    event_id TEXT PRIMARY KEY,         -- events.id
    consolidated_id TEXT NOT NULL REFERENCES consolidated_events(id) ON DELETE CASCADE,
    event_digest TEXT NOT NULL,        -- the event's fields when consolidated (detects re-extraction)
    doc_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    report_key TEXT NOT NULL,          -- the events of one fact in one duplicate cluster share it
    relation TEXT NOT NULL,            -- the document's relation in its duplicate cluster
    superseded INTEGER NOT NULL,       -- 1 when a later version of the same article replaces it
    people_low INTEGER,
    people_high INTEGER,
    people_approx INTEGER,
    source TEXT,                       -- who the report attributes the figure to
    outlet TEXT,                       -- the report's site (url host) or input file
    url TEXT,
    title TEXT,
    published TEXT,
    evidence TEXT NOT NULL             -- JSON list of [start, end, text] into the document
);
CREATE INDEX consolidated_members_consolidated ON consolidated_members(consolidated_id);
CREATE INDEX consolidated_members_doc ON consolidated_members(doc_id);

CREATE TABLE report_blocks (
    consolidated_id TEXT NOT NULL REFERENCES consolidated_events(id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL,          -- the duplicate cluster whose report this is
    block TEXT NOT NULL,               -- type|policy kind|planned|a country it names
    month TEXT NOT NULL                -- YYYY-MM its matching window touches
);
CREATE INDEX report_blocks_lookup ON report_blocks(block, month);
CREATE INDEX report_blocks_consolidated ON report_blocks(consolidated_id);
