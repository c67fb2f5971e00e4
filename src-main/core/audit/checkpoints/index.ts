/**
 * Signed checkpoints of the audit trail's Merkle tree, their witness copies outside the
 * database, and the verdict of comparing them with the live trail. The formats an auditor
 * needs are in docs/audit-evidence.md.
 */
export { type Checkpoint, type SignedCheckpoint, CheckpointFormatError, checkpointBody } from './checkpoint';
export { signCheckpoint, verifyCheckpointSignature } from './signature';
export { keyIdOf, fingerprintOf, generateSigningKey, exportPrivateKey, importPrivateKey } from './keys';
export { verifyCheckpointSequence, type SequenceVerdict } from './sequence';
export { writeWitness, readWitnesses } from './witness-folder';
export { compareWithCheckpoints, type ComparisonVerdict, type CompareOptions } from './compare';
