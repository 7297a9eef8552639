-- =============================================================================
-- Knowledge-base data on the real kb tables (issue 14), for the bench enterprises of generate.sql.
-- {{KBN}} nodes in all, spread over the enterprises in proportion to their members (the largest,
-- ~3 % of members, gets ~30k at 1M). Per enterprise: 8 departments (4 top-level, each with one
-- sub-department; members spread over them), 5 spaces (4 enterprise-wide readable by everyone, 1
-- team space for two departments). Below each space a 4-ary tree (8 levels at ~6k nodes per space):
-- nodes with children are folders, the rest pages with a Chinese body. 10 % of the nodes set their
-- own grants (half: everyone viewer plus a department editor; half: a department viewer and one editor).
-- Page bodies: 8 domain words (each in ~13 % of pages) amid 64 characters drawn from 300 common ones.
-- Deterministic (hashes of the position), set-based; triggers off during the load (bench only).
-- =============================================================================
set session_replication_role = replica;

create or replace function bench_private.kb_sets(p_e integer, p_s integer, p_j integer)
returns boolean language sql immutable parallel safe
as $$ select p_j = 0 or bench_private.h01('kg' || p_e || ':' || p_s || ':' || p_j) < 0.1 $$;

create or replace function bench_private.kb_id(p_e integer, p_s integer, p_j integer)
returns uuid language sql immutable parallel safe
as $$ select md5('kbn-' || p_e || ':' || p_s || ':' || p_j)::uuid $$;

-- Root-first path of node j of space s, and the nearest ancestor-or-self that sets grants.
create or replace function bench_private.kb_path(p_e integer, p_s integer, p_j integer, out path uuid[], out acl uuid)
language plpgsql immutable parallel safe
as $$
declare
  j integer := p_j;
begin
  path := array[bench_private.kb_id(p_e, p_s, j)];
  if bench_private.kb_sets(p_e, p_s, j) then acl := path[1]; end if;
  while j > 0 loop
    j := (j - 1) / 4;
    path := bench_private.kb_id(p_e, p_s, j) || path;
    if acl is null and bench_private.kb_sets(p_e, p_s, j) then acl := path[1]; end if;
  end loop;
end;
$$;

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

create temporary table kb_quota as
select e.n as e, ent.id as enterprise_id,
       greatest(10, round({{KBN}} * count(m.user_id)::numeric / sum(count(m.user_id)) over ()))::integer as q
  from generate_series(1, {{E}}) e(n)
  join public.enterprises ent on ent.id = bench_private.uid('ent', e.n)
  join public.enterprise_members m on m.enterprise_id = ent.id
 group by e.n, ent.id;

-- Departments and members' departments
insert into public.departments (id, enterprise_id, parent_id, name, depth, sort_order)
select bench_private.uid('dept', q.e * 10 + k), q.enterprise_id, null, '部门' || k, 1, k from kb_quota q, generate_series(0, 3) k;
insert into public.departments (id, enterprise_id, parent_id, name, depth, sort_order)
select bench_private.uid('dept', q.e * 10 + k + 4), q.enterprise_id, bench_private.uid('dept', q.e * 10 + k), '小组' || k, 2, k
  from kb_quota q, generate_series(0, 3) k;
update public.enterprise_members m
   set department_id = bench_private.uid('dept', q.e * 10 + floor(8 * bench_private.h01('md' || m.user_id))::integer)
  from kb_quota q where q.enterprise_id = m.enterprise_id;

-- Nodes: k-th node of enterprise e → space k % 5, position j = k / 5 + 1 (j = 0 is the space)
create temporary table kb_gen as
select q.e, q.enterprise_id, s, j, ((q.q - 5) / 5) as jmax
  from kb_quota q, generate_series(0, 4) s, lateral generate_series(0, (q.q - 5) / 5) j;

insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, space_kind, title, path, acl_node_id, read_key, sets_grants,
                             sort_order, created_at, updated_at, body_text, search_grams, title_grams)
select bench_private.kb_id(g.e, g.s, g.j), g.enterprise_id, bench_private.kb_id(g.e, g.s, 0),
       case when g.j > 0 then bench_private.kb_id(g.e, g.s, (g.j - 1) / 4) end,
       case when g.j = 0 then 'space' when 4 * g.j + 1 <= g.jmax then 'folder' else 'page' end,
       case when g.j = 0 then case when g.s = 4 then 'team' else 'enterprise' end end,
       t.title, p.path, p.acl, p.acl, bench_private.kb_sets(g.e, g.s, g.j), g.j,
       timestamptz '2026-11-29 00:00:00+08' - bench_private.h01('kt' || g.e || ':' || g.s || ':' || g.j) * interval '365 days',
       timestamptz '2026-11-29 00:00:00+08' - bench_private.h01('ku' || g.e || ':' || g.s || ':' || g.j) * interval '200 days',
       case when 4 * g.j + 1 > g.jmax and g.j > 0 then b.body else '' end,
       private.kb_grams(t.title || ' ' || case when 4 * g.j + 1 > g.jmax then b.body else '' end) || ('@' || g.enterprise_id::text),
       private.kb_grams(t.title) || ('@' || g.enterprise_id::text)
  from kb_gen g,
       lateral bench_private.kb_path(g.e, g.s, g.j) p,
       lateral (select bench_private.kb_words('t' || g.e || ':' || g.s || ':' || g.j, 3) || g.j as title) t,
       lateral (select bench_private.kb_words('b' || g.e || ':' || g.s || ':' || g.j, 8) || bench_private.kb_chars('c' || g.e || ':' || g.s || ':' || g.j, 64) as body) b;

insert into public.kb_page_contents (node_id, enterprise_id, delta, version_no)
select bench_private.kb_id(g.e, g.s, g.j), g.enterprise_id, jsonb_build_object('ops', jsonb_build_array(jsonb_build_object('insert', b.body || E'\n'))), 1
  from kb_gen g, lateral (select bench_private.kb_words('b' || g.e || ':' || g.s || ':' || g.j, 8) || bench_private.kb_chars('c' || g.e || ':' || g.s || ':' || g.j, 64) as body) b
 where 4 * g.j + 1 > g.jmax and g.j > 0;

-- Grants: spaces 0–3 everyone viewer; space 4 two departments; own grants on 10 % of the nodes
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select g.enterprise_id, bench_private.kb_id(g.e, g.s, 0), 'viewer', 'everyone', null, null from kb_gen g where g.j = 0 and g.s < 4;
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select g.enterprise_id, bench_private.kb_id(g.e, g.s, 0), r.role, 'department', null, bench_private.uid('dept', g.e * 10 + r.k)
  from kb_gen g, (values ('viewer', 0), ('editor', 1)) r(role, k) where g.j = 0 and g.s = 4;
insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id)
select g.enterprise_id, bench_private.kb_id(g.e, g.s, g.j), x.role, x.kind, null, x.dept
  from kb_gen g,
       lateral (select bench_private.h01('kh' || g.e || ':' || g.s || ':' || g.j) as h) h,
       lateral (values
         (case when h.h < 0.5 then 'viewer' else 'viewer' end, case when h.h < 0.5 then 'everyone' else 'department' end,
          case when h.h < 0.5 then null else bench_private.uid('dept', g.e * 10 + floor(h.h * 1000)::integer % 8) end),
         ('editor', 'department', bench_private.uid('dept', g.e * 10 + floor(h.h * 10000)::integer % 8 + 0))
       ) x(role, kind, dept)
 where g.j > 0 and bench_private.kb_sets(g.e, g.s, g.j)
on conflict on constraint kb_grants_one_per_grantee do nothing;

-- read keys: the enterprise where the acl node grants everyone
update public.kb_nodes n set read_key = n.enterprise_id
 where exists (select 1 from public.kb_grants g where g.node_id = n.acl_node_id and g.grantee_kind = 'everyone');

set session_replication_role = origin;
