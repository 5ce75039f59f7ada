-- Quiz packs the streamer imported: the checked pack as JSON, with its name, language and number of questions.
CREATE TABLE quiz_packs (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    language TEXT NOT NULL,
    count    INTEGER NOT NULL,
    pack     TEXT NOT NULL
);
