-- =============================================================================
-- After the bulk load: keys, the indexes the list queries' plans need, statistics (the bench
-- tables are vacuumed and analysed next, by bench/lib/db.mjs: VACUUM cannot run in a script).
-- Product pattern implied: every tenant list table gets (enterprise_id, created_at desc) and
-- every per-container list (space, course, channel) gets (container_id, created_at desc), so
-- "latest N" is an index range read that stops after N visible rows instead of a sort.
-- =============================================================================
alter table bench.posts
  add constraint posts_enterprise_fk foreign key (enterprise_id) references public.enterprises (id) on delete cascade,
  add constraint posts_space_fk foreign key (space_id) references bench.spaces (id) on delete cascade,
  add constraint posts_author_fk foreign key (author_id) references auth.users (id) on delete cascade;

create index posts_enterprise_created_idx on bench.posts (enterprise_id, created_at desc);
create index posts_space_created_idx on bench.posts (space_id, created_at desc);
create index posts_author_idx on bench.posts (author_id);
-- A space belongs to one enterprise: without this, `enterprise_id = $1 and space_id = $2` is
-- estimated as if independent (a handful of rows), planned as a BitmapAnd of both indexes plus a
-- sort of the whole space (7-40 ms at 1M rows); with it, an index scan of the space that stops
-- after 20 rows (0.05 ms). Product pattern: the same statistics on every (tenant, container) pair.
create statistics bench.posts_space_enterprise_dep (dependencies) on enterprise_id, space_id from bench.posts;
create index spaces_enterprise_idx on bench.spaces (enterprise_id);
create index space_members_user_idx on bench.space_members (user_id);

analyze public.enterprises;
analyze public.enterprise_members;
analyze public.consents;
analyze private.accounts;
analyze auth.users;
