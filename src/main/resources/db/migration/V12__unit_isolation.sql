-- Isolation of the units (issue 18): the tables read without a join to the inspection carry the unit they are about,
-- so the audit page and the inbox are cut by unit_id in SQL like every other list.
--
-- notice: the unit of the task or inspection a notice is about, set when it is sent; none for notices about no unit
-- (the audit checkpoint sent to the discipline committees belongs to the installation).
-- audit_entry: the unit of the entry's subject, set when it is appended (audit/AuditChain.UnitOf). unit_id is NOT
-- part of an entry's hash: existing entries verify as before, and the classification below changes no hash.
--
-- Before units, an installation was one unit: every existing row is the first unit's ('unit1', the id the upgrade
-- V11 and identity/IdentityBootstrap give it). No foreign key: the audit log outlives anything it names, and on a
-- fresh database the first unit is created at start-up, after Flyway.
alter table notice add column unit_id varchar(64);
alter table audit_entry add column unit_id varchar(64);

update notice set unit_id = 'unit1' where unit_id is null;
update audit_entry set unit_id = 'unit1' where unit_id is null;

-- The audit page of one unit: its entries, newest first (order by id desc).
create index audit_entry_unit on audit_entry (unit_id, id);
