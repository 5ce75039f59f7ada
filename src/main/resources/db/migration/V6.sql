-- What the streamer decided about a viewer in the chat panel: a VIP mark, chat commands blocked or allowed, text to
-- speech muted until a moment (epoch ms). Keyed by the @handle in lower case, as the TTS and cam lists are.
CREATE TABLE viewer_flags (
    handle          TEXT PRIMARY KEY,
    vip             INTEGER NOT NULL DEFAULT 0,
    commands        TEXT NOT NULL DEFAULT 'default',
    tts_muted_until INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL
);
