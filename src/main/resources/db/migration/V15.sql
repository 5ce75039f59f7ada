-- Coin battles that ended: when, solo or teams, and the standings and winner as JSON (the Games page's history).
CREATE TABLE coinbattle_matches (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER NOT NULL,
    mode       TEXT NOT NULL,
    result     TEXT NOT NULL
);
