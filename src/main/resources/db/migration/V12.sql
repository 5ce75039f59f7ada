-- Timers: the definition (mode, seconds, rules, likes speed, template) and where it stands (state, the value at a
-- moment, the speed), both JSON owned by the timers module. A running timer counts on by the wall clock after a restart.
CREATE TABLE timers (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    definition TEXT NOT NULL,
    state      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
