/**
 * The audit trail as an RFC 6962 / RFC 9162 Merkle tree: leaf i is the event with seq i + 1,
 * its leaf data the event's 32-byte hash. Definitions and the auditor's recipes are in
 * docs/audit-evidence.md.
 */
export { leafHash, nodeHash } from './hashing';
export { type LeafSource, treeRoot } from './leaf-source';
export { MerkleAccumulator, type AccumulatorState } from './accumulator';
export { inclusionProof, verifyInclusion } from './inclusion';
export { consistencyProof, verifyConsistency } from './consistency';
export { rangeProof, verifyRange } from './range';
export { subsetProof, verifySubset, runsProblem, type LeafRuns, type ProvenLeaf, type SubsetVerdict } from './subset';
