-- Effects overlays and the emoji rain (one row): the streamer's settings as JSON (particle cap, gift rules, what
-- !weather may start, the fireworks finale, the emoji sets, fixed emoji per viewer, bursts and preset).
CREATE TABLE effects (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    config TEXT NOT NULL DEFAULT '{}'
);
