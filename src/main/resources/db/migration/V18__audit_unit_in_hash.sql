-- The audit entry's unit (unit_id, V12) becomes part of what its hash covers (issue 18): a unit_id changed in the
-- database, moving an entry into or out of a unit's audit trail, then breaks the chain like any other change.
--
-- Each entry says how its hash was computed (audit/AuditChain): 1 for every entry written so far, whose hash leaves
-- unit_id out and which verify as they always did; the application appends every new entry with 2 (unit_id and the
-- version inside the hash). Existing hashes are not recomputed: that would rewrite the chain the checkpoints pinned.
alter table audit_entry add column hash_version integer default 1 not null;
