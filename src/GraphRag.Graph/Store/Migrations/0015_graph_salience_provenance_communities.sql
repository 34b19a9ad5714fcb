-- Issue 15: which candidates are entities (decided across the notes), where each mention and piece
-- of evidence came from, what a language model answered per chunk, and the stored communities.
-- See schema/README-graph.md for the query each index serves.

-- 1 when the notes make the candidate an entity (EntitySalience: firm in some article, or named by
-- two articles); recomputed by the graph finalizer after every batch. Views show only these.
ALTER TABLE entities ADD COLUMN salient INTEGER NOT NULL DEFAULT 1;

-- 1 when the mention's article alone would not make its entity an entity (one weak mention).
ALTER TABLE mentions ADD COLUMN tentative INTEGER NOT NULL DEFAULT 0;
-- 'rules' (the offline extractor) or 'llm:MODEL'.
ALTER TABLE mentions ADD COLUMN source TEXT NOT NULL DEFAULT 'rules';
ALTER TABLE relation_evidence ADD COLUMN source TEXT NOT NULL DEFAULT 'rules';

-- A language model's extraction of one chunk, kept so that re-ingesting unchanged text never asks again.
CREATE TABLE llm_extractions (
    chunk_hash TEXT NOT NULL,   -- SHA-256 of the chunk text
    model      TEXT NOT NULL,   -- the model id the client reported
    response   TEXT NOT NULL,   -- the parsed extraction, as JSON
    created_at TEXT NOT NULL,
    PRIMARY KEY (chunk_hash, model)  -- serves the cache lookup before each request
) STRICT, WITHOUT ROWID;

-- Communities of the entity graph (Louvain on typed and co-occurrence edges), rebuilt by the finalizer.
CREATE TABLE communities (
    id       INTEGER PRIMARY KEY,  -- 1 = the heaviest
    label    TEXT NOT NULL,        -- its most salient entities
    articles TEXT NOT NULL,        -- JSON array of the titles of the articles it draws on most
    weight   REAL NOT NULL         -- the sum of its members' edge weights
) STRICT;

CREATE TABLE community_members (
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    entity_id    INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    rank         INTEGER NOT NULL,  -- 0 = most salient member
    PRIMARY KEY (community_id, rank)  -- serves: members of a community in order
) STRICT, WITHOUT ROWID;
-- Serves: the community of an entity (`graph show`) and the cascade from entities.
CREATE INDEX community_members_entity ON community_members(entity_id);
