// Neo4j 3.1 syntax (no IF NOT EXISTS): re-creating an existing constraint or index is a no-op there.
// Applied one statement at a time by Neo4jGraphStore before its first write. Statements end with ';'.

// Entities are merged by key during sync and looked up by key for `graph show` and neighbourhoods.
CREATE CONSTRAINT ON (e:Entity) ASSERT e.key IS UNIQUE;

// Chunks are merged by id when mentions are written.
CREATE CONSTRAINT ON (c:Chunk) ASSERT c.id IS UNIQUE;
