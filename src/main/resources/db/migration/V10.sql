-- Last-event spotlights (last follower, liker, chatter, ... the stream's top gift and longest streak), one row a kind,
-- the spotlight as JSON: the overlays show them again after a restart.
CREATE TABLE spotlights (
    kind       TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
