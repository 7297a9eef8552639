-- Desk demo (issue 13, admins at desk width): 远山制造 of ../seed.sql gets a workforce of 2,000
-- members in twelve departments, so the desk members table (search, filters, pages) and its bench
-- figure (`admin.member_search`) have something to work on. The members never sign in (no
-- password, no consent); their names are on their enterprise cards. Phones 137 0000 0001 …
-- 137 0000 2000; ids and every value derive from the number, so re-running changes nothing.
-- Named to run after the module seeds: their demo rows (course assignments, feeds) stay small.
do $$
declare
  e constant uuid := 'e0000000-0000-4000-8000-000000000003';
  surnames constant text[] := array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
                                    '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡'];
  given constant text[] := array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平',
                                 '刚','桂英','建华','文','华','建国','红','志强','晓东','海燕','玉兰','俊','宇航','子涵','欣怡','浩然',
                                 '思远','雨桐','梓轩','佳怡','一鸣','若曦','嘉豪','诗琪','天佑','书瑶','明轩','可馨','博文','雅琴',
                                 '国栋','丹','鹏','莉','斌','琳','辉','倩','凯','婷'];
  depts constant text[][] := array[
    ['生产部', '', '车间主任'], ['一车间', '生产部', '操作工'], ['二车间', '生产部', '操作工'], ['三车间', '生产部', '班组长'],
    ['质量部', '', '质检员'], ['研发部', '', '工艺工程师'], ['销售部', '', '销售代表'], ['采购部', '', '采购专员'],
    ['仓储物流部', '', '仓管员'], ['设备部', '', '设备工程师'], ['人力资源部', '', '人事专员'], ['财务部', '', '会计']];
  d text[];
  v_parent uuid;
begin
  if not exists (select 1 from public.enterprises where id = e) then
    return;
  end if;

  -- departments (生产部 and 质量部 exist in seed.sql: found by name)
  for i in 1 .. array_length(depts, 1) loop
    d := depts[i:i][1:3];
    continue when exists (select 1 from public.departments where enterprise_id = e and name = d[1][1]);
    select id into v_parent from public.departments where enterprise_id = e and name = nullif(d[1][2], '');
    insert into public.departments (id, enterprise_id, parent_id, name, depth, sort_order)
    values (md5('workforce-dept-' || d[1][1])::uuid, e, v_parent, d[1][1], case when v_parent is null then 1 else 2 end, 100 + i)
    on conflict (id) do nothing;
  end loop;

  insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, created_at, updated_at)
  select '00000000-0000-0000-0000-000000000000', md5('workforce-member-' || i)::uuid, 'authenticated', 'authenticated',
         '86137' || lpad(i::text, 8, '0'), now(), '{"provider":"phone","providers":["phone"]}'::jsonb, now(), now()
    from generate_series(1, 2000) i
  on conflict (id) do nothing;

  insert into public.enterprise_members (enterprise_id, user_id, role, department_id, display_name, title, employee_no, joined_at)
  select e, md5('workforce-member-' || i)::uuid, 'member',
         (select dp.id from public.departments dp where dp.enterprise_id = e and dp.name = depts[1 + i % 12][1]),
         -- two independent picks from the number's md5 (not i mod 40 / mod 60: that makes 120 names)
         surnames[1 + get_byte(decode(md5('workforce-name-' || i), 'hex'), 0) % 40]
           || given[1 + (get_byte(decode(md5('workforce-name-' || i), 'hex'), 1) * 256
                         + get_byte(decode(md5('workforce-name-' || i), 'hex'), 2)) % 60],
         depts[1 + i % 12][3], 'YS' || lpad((i + 100)::text, 4, '0'),
         now() - (2001 - i) * interval '3 hours'
    from generate_series(1, 2000) i
  on conflict (enterprise_id, user_id) do nothing;

  -- a few accounts an operator restricted, for the status filter
  update private.accounts set status = 'restricted', status_changed_at = now()
   where user_id in (select md5('workforce-member-' || i)::uuid from generate_series(250, 2000, 250) i) and status = 'active';
end;
$$;
