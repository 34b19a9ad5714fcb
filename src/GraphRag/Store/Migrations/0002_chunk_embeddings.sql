-- Dense vectors of chunks. A chunk longer than the encoder's input is embedded as several windows
-- of whole sentences; a chunk's dense score is the best of its windows.

CREATE TABLE chunk_embeddings (
    chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    window   INTEGER NOT NULL,   -- 0 for the first (or only) window of the chunk
    model    TEXT NOT NULL,      -- encoder that produced the vector, e.g. 'use-lite'
    format   TEXT NOT NULL,      -- 'f32', 'f16' or 'i8' (see VectorCodec)
    scale    REAL NOT NULL,      -- i8: component = q * scale; 1 otherwise
    vector   BLOB NOT NULL,
    PRIMARY KEY (chunk_id, window)
) STRICT, WITHOUT ROWID;
