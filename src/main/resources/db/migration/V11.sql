-- Gift milestones (one row): the plan the streamer set (tiers of coins with media, sound and seconds; the step after
-- the last) and how far the count is (coins, milestones celebrated), both JSON.
CREATE TABLE milestones (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    plan     TEXT NOT NULL DEFAULT '{}',
    progress TEXT NOT NULL DEFAULT '{}'
);
