-- Articles read from the user's files, their chunks, and the lexical (FTS5) index over the chunks.
-- See schema/README.md for the query each index serves.

CREATE TABLE source_files (
    path         TEXT PRIMARY KEY,   -- full path of an ingested file
    content_hash TEXT NOT NULL,      -- SHA-256 of the file's bytes: an unchanged file is skipped whole
    size_bytes   INTEGER NOT NULL,
    ingested_at  TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_path  TEXT NOT NULL,      -- the file it came from (source_files.path)
    article_key  TEXT NOT NULL,      -- stable identity inside its file: the title, plus a counter for repeats
    title        TEXT NOT NULL,
    source       TEXT,               -- URL or publication, when the file names one
    author       TEXT,
    published    TEXT,
    text         TEXT NOT NULL,      -- cleaned text; chunk offsets index into it
    content_hash TEXT NOT NULL,      -- SHA-256 of title, metadata and text: an unchanged article is skipped
    ingested_at  TEXT NOT NULL,
    UNIQUE (source_path, article_key)
) STRICT;

CREATE TABLE chunks (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,   -- position inside the article
    heading_path TEXT NOT NULL,      -- "Heading > Subheading", empty before the first heading
    start_offset INTEGER NOT NULL,   -- [start, end) into articles.text
    end_offset   INTEGER NOT NULL,
    token_count  INTEGER NOT NULL,
    text         TEXT NOT NULL,      -- = substr(articles.text, start_offset + 1, end_offset - start_offset)
    UNIQUE (article_id, ordinal)
) STRICT;

-- Contentless: the text lives in chunks.text once; rowid = chunks.id.
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    title, heading, text,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
