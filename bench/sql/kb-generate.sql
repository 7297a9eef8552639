-- =============================================================================
-- Knowledge-base data on the real kb tables (issue 14), for the bench enterprises of generate.sql
-- (which also made their departments). {{KBN}} nodes in all: the largest enterprise gets its share
-- by members but at least 3.2 % (32,000 at 1M), the others the rest by members (at least 10). Per
-- enterprise 5 spaces (4 enterprise-wide readable by everyone, 1 team space for two departments);
-- below each space a tree in heap order whose fan-out is the smallest of 2, 3, 4, 5 that holds the
-- space's nodes in 8 levels — so the largest enterprise's trees are 8 deep (4-ary, 6,400 nodes a
-- space) and the others' 7–8. Nodes with children are folders, the rest pages with a Chinese body.
-- 10 % of the nodes set their own grants (half: everyone viewer plus a department editor; half: a
-- department viewer and one editor).
-- Page bodies: 8 domain words (each in ~13 % of pages) amid 64 characters drawn from 300 common
-- ones, from a pool of {{POOL}} bodies (their grams computed once); titles: 3 domain words from a
-- pool, plus the node's number.
-- Fast on purpose: set-based, deterministic (hashes of the position), the trees built level by
-- level with a recursive query (paths, acl nodes and read keys inherited from the parent row, so no
-- second pass), the tables' secondary indexes set aside during the load and built once after it,
-- row triggers off (bench only; foreign keys hold by construction).
-- =============================================================================
set session_replication_role = replica;

create or replace function bench_private.kb_id(p_e integer, p_s integer, p_j integer)
returns uuid language sql immutable parallel safe
as $$ select md5('kbn-' || p_e || ':' || p_s || ':' || p_j)::uuid $$;

create or replace function bench_private.kb_words(p_key text, p_n integer)
returns text language sql immutable parallel safe
as $$
  select string_agg((array['知识','管理','制度','流程','报销','考勤','培训','产品','客户','销售','研发','测试','发布','版本',
    '安全','合同','财务','预算','采购','质量','生产','设备','维护','指南','规范','标准','手册','入职','绩效','薪酬','福利',
    '会议','纪要','项目','计划','总结','方案','设计','接口','数据','报表','分析','市场','活动','品牌','渠道','服务','支持',
    '运维','部署','监控','告警','故障','排查','优化','架构','模块','权限','审批','文档'])[1 + floor(60 * bench_private.h01(p_key || i))::integer], '')
    from generate_series(1, p_n) i
$$;

-- p_n characters drawn from 300 common ones (a page's ordinary prose around its domain words)
create or replace function bench_private.kb_chars(p_key text, p_n integer)
returns text language sql immutable parallel safe
as $$
  select string_agg(substr('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严', 1 + floor(300 * bench_private.h01(p_key || i))::integer, 1), '')
    from generate_series(1, p_n) i
$$;

-- Nodes per enterprise
create temporary table kb_quota as
with m as (
  select e.n as e, ent.id as enterprise_id, count(m.user_id) as members
    from generate_series(1, {{E}}) e(n)
    join public.enterprises ent on ent.id = bench_private.uid('ent', e.n)
    join public.enterprise_members m on m.enterprise_id = ent.id
   group by e.n, ent.id
), r as (
  select m.*, row_number() over (order by members desc, e) as rk, sum(members) over () as total from m
), top as (
  select r.members, greatest(round({{KBN}} * 0.032), round({{KBN}} * r.members::numeric / r.total)) as q from r where r.rk = 1
)
select r.e, r.enterprise_id,
       case when r.rk = 1 then top.q
            else greatest(10, round(({{KBN}} - top.q) * r.members::numeric / (r.total - top.members))) end::integer as q
  from r, top;

-- Spaces: nodes each (the space itself included) and the tree's fan-out
create temporary table kb_space as
select q.e, q.enterprise_id, s, n,
       case when n <= 255 then 2 when n <= 3280 then 3 when n <= 21845 then 4 else 5 end as f
  from kb_quota q, generate_series(0, 4) s, lateral (select greatest(2, q.q / 5) as n) x;

-- The trees, level by level: path, acl node and whether it grants everyone come from the parent.
create temporary table kb_tree as
with recursive t (e, enterprise_id, s, f, jmax, j, id, space_id, parent_id, path, acl, everyone, sets) as (
  select sp.e, sp.enterprise_id, sp.s, sp.f, sp.n - 1, 0, r.id, r.id, null::uuid, array[r.id], r.id, sp.s < 4, true
    from kb_space sp, lateral (select bench_private.kb_id(sp.e, sp.s, 0) as id) r
  union all
  select t.e, t.enterprise_id, t.s, t.f, t.jmax, c.j, c.id, t.space_id, t.id, t.path || c.id,
         case when c.sets then c.id else t.acl end,
         case when c.sets then c.h < 0.5 else t.everyone end,
         c.sets
    from t,
         lateral (select g.j, bench_private.kb_id(t.e, t.s, g.j) as id,
                         bench_private.h01('kg' || t.e || ':' || t.s || ':' || g.j) < 0.1 as sets,
                         bench_private.h01('kh' || t.e || ':' || t.s || ':' || g.j) as h
                    from generate_series(t.f * t.j + 1, least(t.f * t.j + t.f, t.jmax)) g(j)) c
)
select t.*, t.j > 0 and t.f * t.j + 1 > t.jmax as is_page from t;

-- Pools: page bodies and title words, their grams computed once
create temporary table kb_body as
select b, x.body, private.kb_grams(x.body) as grams,
       jsonb_build_object('ops', jsonb_build_array(jsonb_build_object('insert', x.body || E'\n'))) as delta
  from generate_series(0, {{POOL}} - 1) b,
       lateral (select bench_private.kb_words('b' || b, 8) || bench_private.kb_chars('c' || b, 64) as body) x;
create temporary table kb_title as
select t, x.words, private.kb_grams(x.words) as grams
  from generate_series(0, {{POOL}} - 1) t, lateral (select bench_private.kb_words('t' || t, 3) as words) x;
create unique index on kb_body (b);
create unique index on kb_title (t);
analyze kb_tree;
analyze kb_body;
analyze kb_title;

select bench_private.set_aside_indexes(array['public.kb_nodes', 'public.kb_grants', 'public.kb_page_contents']::regclass[]);

insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, space_kind, title, path, acl_node_id, read_key, sets_grants,
                             sort_order, created_at, updated_at, body_text, search_grams, title_grams)
select t.id, t.enterprise_id, t.space_id, t.parent_id,
       case when t.j = 0 then 'space' when t.is_page then 'page' else 'folder' end,
       case when t.j = 0 then case when t.s = 4 then 'team' else 'enterprise' end end,
       ti.words || t.j, t.path, t.acl, case when t.everyone then t.enterprise_id else t.acl end, t.sets, t.j,
       timestamptz '2026-11-29 00:00:00+08' - bench_private.h01('kt' || t.e || ':' || t.s || ':' || t.j) * interval '365 days',
       timestamptz '2026-11-29 00:00:00+08' - bench_private.h01('ku' || t.e || ':' || t.s || ':' || t.j) * interval '200 days',
       coalesce(b.body, ''),
       -- the sets private.kb_grams(title || ' ' || body) and private.kb_grams(title) give (the number
       -- is a word of its own: its prefixes), concatenated: a title gram also in the body is listed
       -- twice (the GIN index and `@>` read sets; removing them cost more than the rest of the row)
       coalesce(b.grams, '{}') || ti.grams || d.grams || ('@' || t.enterprise_id::text),
       ti.grams || d.grams || ('@' || t.enterprise_id::text)
  from kb_tree t
  join kb_title ti on ti.t = (hashtext('t' || t.e || ':' || t.s || ':' || t.j)::bigint + 2147483648) % {{POOL}}
  left join kb_body b on t.is_page and b.b = (hashtext('b' || t.e || ':' || t.s || ':' || t.j)::bigint + 2147483648) % {{POOL}},
       lateral (select array(select left(t.j::text, k) from generate_series(1, least(12, length(t.j::text))) k) as grams) d;

insert into public.kb_page_contents (node_id, enterprise_id, delta, version_no)
select t.id, t.enterprise_id, b.delta, 1
  from kb_tree t join kb_body b on b.b = (hashtext('b' || t.e || ':' || t.s || ':' || t.j)::bigint + 2147483648) % {{POOL}}
 where t.is_page;

-- Grants: spaces 0–3 everyone viewer; space 4 two departments; own grants on 10 % of the nodes
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select t.enterprise_id, t.id, 'viewer', 'everyone', null, null from kb_tree t where t.j = 0 and t.s < 4;
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select t.enterprise_id, t.id, r.role, 'department', null, bench_private.uid('dept', t.e * 10 + r.k)
  from kb_tree t, (values ('viewer', 0), ('editor', 1)) r(role, k) where t.j = 0 and t.s = 4;
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select t.enterprise_id, t.id, x.role, x.kind, null, x.dept
  from kb_tree t,
       lateral (select bench_private.h01('kh' || t.e || ':' || t.s || ':' || t.j) as h) h,
       lateral (values
         ('viewer', case when h.h < 0.5 then 'everyone' else 'department' end,
          case when h.h < 0.5 then null else bench_private.uid('dept', t.e * 10 + floor(h.h * 1000)::integer % 8) end),
         ('editor', 'department', bench_private.uid('dept', t.e * 10 + floor(h.h * 10000)::integer % 8))
       ) x(role, kind, dept)
 where t.j > 0 and t.sets
on conflict on constraint kb_grants_one_per_grantee do nothing;

select bench_private.restore_indexes();

set session_replication_role = origin;
