-- The games' settings, one row per game (wheel: the wheels and which gift spins which), as JSON.
CREATE TABLE games (
    game   TEXT PRIMARY KEY,
    config TEXT NOT NULL
);
