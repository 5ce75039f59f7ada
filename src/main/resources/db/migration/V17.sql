-- The Minecraft bridge (one row): limits, the overlay switch and the mappings from live events to the mod's actions,
-- as JSON.
CREATE TABLE minecraft (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    config TEXT NOT NULL DEFAULT '{}'
);
