/**
 * Full-text search over what an event says. Derived data, kept out of the commit path: an
 * external-content FTS5 index over audit_events that no trigger fills (indexing on append
 * would slow every engine transition). The engine owner indexes new events in the
 * background, and a text search first catches up with whatever is left
 * (repos/search-index.ts); `audit_search_progress` says how far it got. If the index goes
 * missing it is recreated empty and refilled the same way.
 */
export const SEARCH_INDEX_SQL = `
    CREATE VIRTUAL TABLE audit_search USING fts5(
      action, actor, subject_id, payload,
      content = 'audit_events', content_rowid = 'seq',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE audit_search_progress (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      indexed_up_to INTEGER NOT NULL
    );
    INSERT INTO audit_search_progress (id, indexed_up_to) VALUES (1, 0);
`;

export default {
  version: 7,
  name: 'audit-evidence',
  sql: `
    -- The instance an event belongs to: its subject, or the "instance" its payload names
    -- (tasks, approvals, schedule runs, unmasking). Virtual: derived from hashed columns,
    -- never stored twice, so it cannot drift from them; only the index keeps a copy.
    -- json_valid guards reads of a tampered row, which must reach the verifier, not fail.
    ALTER TABLE audit_events ADD COLUMN instance_id TEXT GENERATED ALWAYS AS (
      CASE WHEN subject_type = 'instance' THEN subject_id
           WHEN json_valid(payload) THEN json_extract(payload, '$.instance') END
    ) VIRTUAL;
    CREATE INDEX audit_events_instance ON audit_events (instance_id, seq) WHERE instance_id IS NOT NULL;

    -- Full-text search (see above); the chain never depends on it.
    ${SEARCH_INDEX_SQL}

    -- Signed checkpoints of the trail's Merkle tree (docs/audit-evidence.md). The frontier
    -- is the tree's state at tree_size, so the next checkpoint reads only newer events.
    CREATE TABLE audit_checkpoints (
      id INTEGER PRIMARY KEY,
      origin TEXT NOT NULL,
      tree_size INTEGER NOT NULL,
      root_hash TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      key_id TEXT NOT NULL,
      next_key_id TEXT,
      next_public_key TEXT,
      signature TEXT NOT NULL,
      trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'export', 'manual', 'rotation')),
      frontier TEXT NOT NULL,
      witness_file TEXT,
      witness_error TEXT
    );
    CREATE INDEX audit_checkpoints_size ON audit_checkpoints (tree_size, id);
    CREATE INDEX audit_checkpoints_unwitnessed ON audit_checkpoints (id) WHERE witness_file IS NULL;
    CREATE TRIGGER audit_checkpoints_signed BEFORE UPDATE OF origin, tree_size, root_hash, signed_at, key_id, next_key_id, next_public_key, signature, trigger, frontier ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: only their witness status changes'); END;
    CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: DELETE is refused'); END;

    -- Every Ed25519 key the site signed with; the private halves are site secrets
    -- ("audit-signing-key/<key_id>"). The first is the root of the rotation chain.
    CREATE TABLE audit_signing_keys (
      key_id TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      retired_at TEXT,
      retired_by_checkpoint INTEGER REFERENCES audit_checkpoints (id)
    );
    CREATE UNIQUE INDEX audit_signing_keys_current ON audit_signing_keys ((1)) WHERE retired_at IS NULL;

    -- Roots of aligned perfect subtrees (2^level leaves starting at idx * 2^level), written
    -- as checkpoints are made: proofs over millions of events read a few dozen of these
    -- instead of every leaf. A cache: every proof built from it is checked against a
    -- signed root, and a wrong entry only makes a proof fail, never pass.
    CREATE TABLE audit_merkle_nodes (
      level INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      hash BLOB NOT NULL,
      PRIMARY KEY (level, idx)
    ) WITHOUT ROWID;

    -- The X.509 identities that sign report PDFs; key and certificates are the site secret
    -- "document-signer/<fingerprint>".
    CREATE TABLE document_signers (
      fingerprint TEXT PRIMARY KEY,
      subject TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('site-ca', 'imported')),
      created_at TEXT NOT NULL,
      retired_at TEXT
    );
    CREATE UNIQUE INDEX document_signers_current ON document_signers ((1)) WHERE retired_at IS NULL;

    CREATE TABLE report_jobs (
      id TEXT PRIMARY KEY,
      request TEXT NOT NULL,
      title TEXT NOT NULL,
      requested_by_id TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      phase TEXT NOT NULL,
      done INTEGER NOT NULL DEFAULT 0,
      total INTEGER,
      folder TEXT NOT NULL,
      event_count INTEGER,
      checkpoint TEXT,
      files TEXT NOT NULL DEFAULT '[]',
      error TEXT,
      heartbeat_at TEXT NOT NULL,
      finished_at TEXT
    );
  `,
};
