-- Heartbeat of the Worker: a recurring Hangfire job writes a row, so operators (and tests) can see
-- that jobs really execute against this database. Rows older than 30 days are pruned by the job.

CREATE TABLE worker_heartbeat (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    server_name text NOT NULL
);

CREATE INDEX worker_heartbeat_recorded_at ON worker_heartbeat (recorded_at);

COMMENT ON TABLE worker_heartbeat IS 'Hartslag van de Worker: één rij per uitgevoerde heartbeat-taak.';
