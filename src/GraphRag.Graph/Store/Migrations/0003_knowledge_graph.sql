-- The knowledge graph extracted from the chunks (GraphRag.Graph). Entities and relations are shared
-- across articles; mentions and relation evidence hang off chunks and disappear with them.
-- Every index below names the query it serves (see schema/README-graph.md).

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,  -- canonical normalised name; UNIQUE serves the upsert by key and `graph show KEY`
    name TEXT NOT NULL,         -- display name (an acronym's expansion where known)
    type TEXT NOT NULL          -- method, metric, model, person, organization, product, dataset, concept
) STRICT;

-- One row per normalised surface form; an alias resolves to exactly one entity.
CREATE TABLE entity_aliases (
    alias_key TEXT PRIMARY KEY,  -- serves resolution during extraction and entity linking of questions
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL      -- the surface form as first written
) STRICT;
-- Serves: the aliases of one entity (`graph show`, sync) and the cascade from entities.
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE mentions (
    entity_id      INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    chunk_id       INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    start_offset   INTEGER NOT NULL,  -- [start, end) into articles.text
    end_offset     INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,  -- the sentence around it, also into articles.text
    sentence_end   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, chunk_id, start_offset)  -- serves: mentions of an entity (`graph show`, orphan pruning)
) STRICT, WITHOUT ROWID;
-- Serves: the cascade when chunks are deleted, and loading one article's graph for sync.
CREATE INDEX mentions_chunk ON mentions(chunk_id);

CREATE TABLE relations (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    type      TEXT NOT NULL,  -- is_a, uses, introduced, outperforms, measures, part_of, based_on, developed_by, co_occurs
    UNIQUE (source_id, target_id, type)  -- serves the upsert and outgoing neighbours of an entity
) STRICT;
-- Serves: incoming neighbours of an entity (`graph show`, 2-hop neighbourhood) and the cascade from entities.
CREATE INDEX relations_target ON relations(target_id);

-- The sentences that support a relation; a relation's weight is its number of evidence rows.
CREATE TABLE relation_evidence (
    relation_id    INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    chunk_id       INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    PRIMARY KEY (relation_id, chunk_id, sentence_start)  -- serves: evidence of a relation (`graph show`)
) STRICT, WITHOUT ROWID;
-- Serves: the cascade when chunks are deleted, and loading one article's graph for sync.
CREATE INDEX relation_evidence_chunk ON relation_evidence(chunk_id);

-- Articles whose graph changed and is not yet in Neo4j (written in the article's transaction when
-- GraphRag:Graph:Store is "neo4j"; drained by the batch finalizer and `graph sync`). No foreign key:
-- a deleted article stays queued so that its removal reaches Neo4j too.
CREATE TABLE graph_outbox (
    article_id INTEGER PRIMARY KEY,
    queued_at  TEXT NOT NULL
) STRICT;
