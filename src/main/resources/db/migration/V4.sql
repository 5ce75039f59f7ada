-- Goals: the definition is a JSON document owned by the goals module; the progress is kept next to it, because it
-- changes all through a stream while the definition does not. target is the current target (doubling or raising
-- moves it); the definition keeps the one the streamer set.
CREATE TABLE goals (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    definition TEXT NOT NULL,
    current    INTEGER NOT NULL DEFAULT 0,
    target     INTEGER NOT NULL,
    reached    INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
