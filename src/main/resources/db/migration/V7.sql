-- Each chat command's settings as the streamer changed them on the Commands page (JSON: enabled, aliases,
-- permission, minTeamLevel, cooldowns); a command without a row has the settings its feature gives it.
CREATE TABLE command_settings (
    name     TEXT PRIMARY KEY,
    settings TEXT NOT NULL
);
