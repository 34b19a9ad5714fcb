-- Ingestion jobs started from the web app (GraphRag.Web), kept so that the history survives a restart.
CREATE TABLE ingestion_jobs (
    id         TEXT PRIMARY KEY,  -- "job-N"; serves: one job by id (/api/ingest/jobs/{id})
    started_at TEXT NOT NULL,     -- ISO 8601, UTC
    snapshot   TEXT NOT NULL      -- the job's last state as JSON (JobSnapshot: state, files, error, times)
) STRICT;
-- Serves: the newest jobs first (/api/ingest/jobs, and trimming the history).
CREATE INDEX ingestion_jobs_started ON ingestion_jobs(started_at);
