-- =============================================================================
-- Synthetic community data, set-based (generate_series, no row-by-row inserts).
-- {{E}} enterprises, {{M}} members (10 % of them in a second enterprise), {{S}} spaces per
-- enterprise (every fifth private), {{N}} posts. Deterministic: every choice is a hash of the row
-- number, so two runs of the same size produce the same rows.
-- Enterprise sizes are skewed (enterprise k gets a share ∝ √k − √(k−1)): the largest holds ~3 %
-- of everything at E = 1000, as a few big customers do.
-- =============================================================================

-- [0, 1) from a text key.
create or replace function bench_private.h01(p text)
returns double precision
language sql
immutable
parallel safe
as $$ select ('x' || substr(md5(p), 1, 8))::bit(32)::bigint / 4294967296.0 $$;

create or replace function bench_private.ent_of(p_user integer)
returns integer
language sql
immutable
parallel safe
as $$ select 1 + floor({{E}} * power(bench_private.h01('u' || p_user), 2))::integer $$;

create or replace function bench_private.uid(p_kind text, p_n bigint)
returns uuid
language sql
immutable
parallel safe
as $$ select md5(p_kind || '-' || p_n)::uuid $$;

-- -----------------------------------------------------------------------------
-- Enterprises
-- -----------------------------------------------------------------------------
insert into public.enterprises (id, name, industry, size_band, contact_name, contact_phone)
select bench_private.uid('ent', g), '基准企业' || g, '制造业', '200-999', '联系人', '8613' || lpad(g::text, 9, '0')
  from generate_series(1, {{E}}) g;

-- -----------------------------------------------------------------------------
-- Members: auth users (triggers create profiles and accounts), cleared through the same gate as
-- real people (birth date + consent to the current required agreements).
-- -----------------------------------------------------------------------------
insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', bench_private.uid('user', g), 'authenticated', 'authenticated',
       '8617' || lpad(g::text, 9, '0'), now(), '{"provider":"phone","providers":["phone"]}'::jsonb,
       jsonb_build_object('display_name', '成员' || g), now(), now()
  from generate_series(1, {{M}}) g;

-- Birth dates and consents with the per-row gate triggers off (each refreshed the account's cached
-- gate, ~0.5 ms a row), then every bench account's gate refreshed in one statement, as
-- private.refresh_gate does it for one.
set session_replication_role = replica;
update private.accounts a
   set birth_date = date '1990-01-01', birth_date_set_at = now()
  from generate_series(1, {{M}}) g
 where a.user_id = bench_private.uid('user', g);

insert into public.consents (user_id, document_id, version_id, channel, consented_by)
select bench_private.uid('user', g), cv.document_id, cv.version_id, 'h5', 'self'
  from generate_series(1, {{M}}) g
  cross join private.current_versions() cv
  join public.agreement_documents d on d.id = cv.document_id and d.required and d.audience = 'everyone';
set session_replication_role = origin;

update private.accounts a
   set gate_code = private.gate_code_uncached(a.user_id),
       gate_epoch = (select e.epoch from private.gate_epoch e),
       gate_checked_at = now(),
       gate_valid_until = private.next_age_boundary(a.birth_date)
  from generate_series(1, {{M}}) g
 where a.user_id = bench_private.uid('user', g);

-- -----------------------------------------------------------------------------
-- Departments: 4 top-level, each with one sub-department (the knowledge base grants to them, the
-- community restricts sections to them); members spread over the eight.
-- -----------------------------------------------------------------------------
insert into public.departments (id, enterprise_id, parent_id, name, depth, sort_order)
select bench_private.uid('dept', e * 10 + k), bench_private.uid('ent', e), null, '部门' || k, 1, k
  from generate_series(1, {{E}}) e, generate_series(0, 3) k;
insert into public.departments (id, enterprise_id, parent_id, name, depth, sort_order)
select bench_private.uid('dept', e * 10 + k + 4), bench_private.uid('ent', e), bench_private.uid('dept', e * 10 + k), '小组' || k, 2, k
  from generate_series(1, {{E}}) e, generate_series(0, 3) k;

insert into public.enterprise_members (enterprise_id, user_id, display_name, department_id)
select bench_private.uid('ent', e), bench_private.uid('user', g), '成员' || g,
       bench_private.uid('dept', e * 10 + floor(8 * bench_private.h01('md' || bench_private.uid('user', g)))::integer)
  from generate_series(1, {{M}}) g, lateral (select bench_private.ent_of(g) as e) x;

insert into public.enterprise_members (enterprise_id, user_id, display_name, department_id)
select bench_private.uid('ent', e2), bench_private.uid('user', g), '成员' || g,
       bench_private.uid('dept', e2 * 10 + floor(8 * bench_private.h01('md' || bench_private.uid('user', g)))::integer)
  from generate_series(1, {{M}}) g,
       lateral (select 1 + floor({{E}} * bench_private.h01('v' || g))::integer as e2) x
 where bench_private.h01('u2' || g) < 0.1 and e2 <> bench_private.ent_of(g);

-- -----------------------------------------------------------------------------
-- Spaces and private-space members (a fifth of each enterprise's members per private space)
-- -----------------------------------------------------------------------------
insert into bench.spaces (id, enterprise_id, name, visibility)
select bench_private.uid('space', e * 1000 + k), bench_private.uid('ent', e), '圈子' || k,
       case when k % 5 = 4 then 'private' else 'open' end
  from generate_series(1, {{E}}) e, generate_series(0, {{S}} - 1) k;

insert into bench.space_members (space_id, user_id)
select s.id, m.user_id
  from bench.spaces s
  join public.enterprise_members m on m.enterprise_id = s.enterprise_id
 where s.visibility = 'private'
   and bench_private.h01(m.user_id::text || s.id::text) < 0.2;

-- -----------------------------------------------------------------------------
-- Posts: author drawn uniformly from the members, posted in a space of the author's enterprise,
-- over the past year.
-- -----------------------------------------------------------------------------
insert into bench.posts (id, enterprise_id, space_id, author_id, created_at, title, body)
select bench_private.uid('post', g),
       bench_private.uid('ent', e),
       bench_private.uid('space', e * 1000 + floor({{S}} * bench_private.h01('pk' || g))::integer),
       bench_private.uid('user', u),
       timestamptz '2026-11-29 00:00:00+08' - bench_private.h01('pt' || g) * interval '365 days',
       '动态 ' || g,
       left(repeat(md5(g::text), 6), 40 + (g % 160)::integer)
  from generate_series(1, {{N}}) g,
       lateral (select 1 + floor({{M}} * bench_private.h01('pa' || g))::integer as u) a,
       lateral (select bench_private.ent_of(a.u) as e) b;
