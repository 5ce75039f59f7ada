-- Settings: one row per key, the value as JSON text so that numbers, booleans and strings keep their type.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
