-- The event log: every live event as it arrived. seq is the order of arrival and the paging cursor.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    ts         INTEGER NOT NULL,
    user_id    TEXT,
    unique_id  TEXT,
    data       TEXT NOT NULL
);
CREATE INDEX events_ts ON events(ts);
CREATE INDEX events_type_ts ON events(type, ts);
CREATE INDEX events_user_ts ON events(unique_id, ts);

-- Gifts as TikTok showed them: filled from the gifts that arrive.
CREATE TABLE gift_catalog (
    gift_id    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    coins      INTEGER NOT NULL,
    image_url  TEXT NOT NULL DEFAULT '',
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);

-- Per-user totals over all streams (top gifters, top chatters). Likes are TikTok's incomplete per-user figure.
CREATE TABLE user_stats (
    user_id    TEXT PRIMARY KEY,
    unique_id  TEXT NOT NULL,
    nickname   TEXT NOT NULL,
    coins      INTEGER NOT NULL DEFAULT 0,
    gifts      INTEGER NOT NULL DEFAULT 0,
    likes      INTEGER NOT NULL DEFAULT 0,
    chats      INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX user_stats_coins ON user_stats(coins DESC);

-- Alerts per event type; the options are a JSON object owned by the alerts module.
CREATE TABLE alert_configs (
    event_type TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL DEFAULT 1,
    config     TEXT NOT NULL DEFAULT '{}',
    updated_at INTEGER NOT NULL
);

-- Flows (if this, then that); the definition is a JSON document owned by the flow engine.
CREATE TABLE flows (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    definition TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A sound per gift.
CREATE TABLE gift_sounds (
    gift_id    INTEGER PRIMARY KEY,
    sound      TEXT NOT NULL,
    volume     REAL NOT NULL DEFAULT 1.0,
    updated_at INTEGER NOT NULL
);

-- The TTS voice chosen for a user.
CREATE TABLE user_voices (
    user_id    TEXT PRIMARY KEY,
    unique_id  TEXT NOT NULL,
    engine     TEXT NOT NULL,
    voice      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
