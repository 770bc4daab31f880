-- The audit log: who did what, when and from where. Append-only and tamper-evident: each entry carries the hash of
-- the one before it (prev_hash) and its own (hash = SHA-256 over prev_hash and its fields, see audit/AuditChain), so a
-- changed, removed or inserted row breaks the chain at that entry. Ids are assigned by the chain itself, 1, 2, 3…
-- without gaps, under the lock of the single audit_chain_head row, so two nodes never fork the chain.
create table audit_entry (
    id              bigint        primary key,
    occurred_at     timestamp with time zone not null,
    actor           varchar(100)  not null,
    client_address  varchar(64),
    kind            varchar(32)   not null,
    subject         varchar(200),
    detail          varchar(4000),
    prev_hash       char(64)      not null,
    hash            char(64)      not null
);

create index audit_entry_actor on audit_entry (actor, occurred_at);
create index audit_entry_kind on audit_entry (kind, occurred_at);
create index audit_entry_time on audit_entry (occurred_at);

-- The chain's head: the last id and hash. Appending locks this row (select … for update) until the appending
-- transaction ends; the verify command also checks that the head matches the last entry (a cut tail shows).
create table audit_chain_head (
    id         int       primary key,
    last_id    bigint    not null,
    last_hash  char(64)  not null
);

insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Failed sign-ins per account ('user:<id>') and per client address ('address:<ip>') within the current window, and
-- until when that key is locked out. Kept in the database so every node counts the same failures.
create table login_throttle (
    throttle_key     varchar(200)  primary key,
    failures         int           not null,
    window_start_ms  bigint        not null,
    locked_until_ms  bigint
);
