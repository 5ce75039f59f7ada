-- Viewer XP, points and levels, one row per @handle (lower case); the daily streak in the streamer's time zone.
CREATE TABLE viewer_xp (
    handle         TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    nickname       TEXT NOT NULL,
    xp             INTEGER NOT NULL DEFAULT 0,
    points         INTEGER NOT NULL DEFAULT 0,
    level          INTEGER NOT NULL DEFAULT 1,
    last_chat_xp   INTEGER NOT NULL DEFAULT 0,
    last_visit     TEXT,
    streak_days    INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX viewer_xp_by_xp ON viewer_xp(xp DESC);

-- How viewers earn XP (JSON, one row): the amounts, caps, level curve and names the streamer set.
CREATE TABLE xp_config (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    config TEXT NOT NULL
);
