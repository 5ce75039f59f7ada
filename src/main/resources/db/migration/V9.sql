-- Visits and an estimate of watch time: a visit begins when a viewer shows up after 3 hours without a sign of them;
-- watch time adds up the time between their signs within a visit (TikTok tells when viewers join, not when they leave).
ALTER TABLE user_stats ADD COLUMN visits INTEGER NOT NULL DEFAULT 1;
ALTER TABLE user_stats ADD COLUMN watch_ms INTEGER NOT NULL DEFAULT 0;

-- The streamer's note about a viewer.
ALTER TABLE viewer_flags ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- Every manual change of a viewer's XP, points or level (dashboard, !give, flows): what, how much, by whom, when.
CREATE TABLE viewer_corrections (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    handle TEXT NOT NULL,
    what   TEXT NOT NULL,
    amount INTEGER NOT NULL,
    by_whom TEXT NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX viewer_corrections_by_handle ON viewer_corrections(handle, at);

-- VIP tiers the streamer set (JSON, one row): a name and the coins and visits that grant it.
CREATE TABLE vip_tiers (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    tiers TEXT NOT NULL
);
