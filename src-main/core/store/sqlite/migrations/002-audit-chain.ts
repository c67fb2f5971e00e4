export default {
  version: 2,
  name: 'audit-chain',
  sql: `
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id TEXT,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject_type TEXT,
      subject_id TEXT,
      outcome TEXT NOT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
    CREATE INDEX audit_events_action ON audit_events (action, seq);
    CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id, seq);
    CREATE INDEX audit_events_at ON audit_events (at);

    -- The trail is append-only for everyone, Clearline included. Tampering needs the key
    -- and dropping these triggers, which the chain and the signed checkpoints then reveal.
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE is refused'); END;
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE is refused'); END;
  `,
};
