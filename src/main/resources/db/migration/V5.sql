-- Flow queues the streamer configured (mode, maximum length, overflow): the definition is JSON owned by the flows
-- module. A queue without a row here behaves as the standard one.
CREATE TABLE flow_queues (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL
);
