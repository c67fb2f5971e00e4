export default {
  version: 1,
  name: 'site-and-lease',
  sql: `
    CREATE TABLE site (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      site_id TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Secrets the site generates for itself (e.g. the attachment file key). They live only
    -- inside the encrypted database, so the data key protects them.
    CREATE TABLE site_secrets (
      name TEXT PRIMARY KEY,
      value BLOB NOT NULL,
      created_at TEXT NOT NULL
    );

    -- The one engine owner of this data folder. fence grows by one at every acquisition;
    -- engine writes check it, so a former owner that wakes up late cannot write.
    CREATE TABLE engine_lease (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      holder TEXT NOT NULL,
      host TEXT NOT NULL,
      pid INTEGER NOT NULL,
      fence INTEGER NOT NULL,
      acquired_at INTEGER NOT NULL,
      heartbeat_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
  `,
};
