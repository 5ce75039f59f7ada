-- OpenShock (one row): the hard limits, the mappings from live events and the patterns, as JSON.
CREATE TABLE openshock (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    config TEXT NOT NULL DEFAULT '{}'
);
-- Every command sent to (or refused for) an OpenShock device: when, where, what, how strong and long, who set it off
-- and how it ended.
CREATE TABLE openshock_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    shockers    TEXT NOT NULL,
    type        TEXT NOT NULL,
    intensity   INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    source      TEXT NOT NULL,
    user        TEXT NOT NULL,
    result      TEXT NOT NULL
);
CREATE INDEX openshock_log_at ON openshock_log(at);
