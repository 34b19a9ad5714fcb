// Replacing an article's contribution starts from its chunks: MATCH (c:Chunk {articleId: $id}).
CREATE INDEX ON :Chunk(articleId);
