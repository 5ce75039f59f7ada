-- Plugins: whether each is enabled in this profile, and each plugin's own settings.
CREATE TABLE plugin_state (
    plugin_id  TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE plugin_config (
    plugin_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (plugin_id, key)
);
