-- Community demo data (issue 15) for the enterprises of ../seed.sql. Re-runnable: fixed ids, on conflict.
--   星河科技: sections 技术交流, 市场动态, 研发内部 (研发中心 and its groups only), 生活闲聊; posts with
--             comments (one reply quoting another), likes and favourites; one pinned, one featured;
--             赵磊's "兼职" post reported by 陈静 and 刘洋 (weighted 2.0 of 3.0: visible, in the queue);
--             the content types: a required-reading announcement (read by two), 刘洋's question with
--             张伟's accepted answer, a named poll on the annual party with votes, a badminton event
--             with a capacity of 8 and sign-ups.
--   远山制造: 安全生产, 质量改进.   青禾教育: 教研交流.
-- A starter platform word list (operators curate the real one) and 星河科技's own list.

insert into public.community_sections (id, enterprise_id, name, description, department_ids, sort_order, created_by) values
  ('c5000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '技术交流', '前后端、架构与工具，欢迎提问和分享', '{}', 10, '11111111-1111-4111-8111-111111111111'),
  ('c5000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', '市场动态', '行业资讯、竞品观察和活动复盘', '{}', 20, '11111111-1111-4111-8111-111111111111'),
  ('c5000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000001', '研发内部', '仅研发中心可见：值班、发布与事故复盘',
   '{de000000-0000-4000-8000-000000000001,de000000-0000-4000-8000-000000000002,de000000-0000-4000-8000-000000000003}', 30, '11111111-1111-4111-8111-111111111111'),
  ('c5000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000001', '生活闲聊', '美食、运动、读书，工作之外的一切', '{}', 40, '11111111-1111-4111-8111-111111111111'),
  ('c5000000-0000-4000-8000-000000000011', 'e0000000-0000-4000-8000-000000000002', '教研交流', '备课心得与课堂案例', '{}', 10, '22222222-2222-4222-8222-222222222222'),
  ('c5000000-0000-4000-8000-000000000021', 'e0000000-0000-4000-8000-000000000003', '安全生产', '安全规范、隐患随手拍', '{}', 10, '77777777-7777-4777-8777-777777777777'),
  ('c5000000-0000-4000-8000-000000000022', 'e0000000-0000-4000-8000-000000000003', '质量改进', '质量问题分析与改进提案', '{}', 20, '77777777-7777-4777-8777-777777777777')
on conflict (id) do nothing;

insert into public.community_posts (id, enterprise_id, section_id, author_id, author_name, title, body, body_text, pinned_at, featured_at, created_at)
select p.id::uuid, p.eid::uuid, p.sid::uuid, p.uid::uuid, p.name, p.title, p.body::jsonb, private.community_delta_text(p.body::jsonb),
       case when p.pinned then now() - interval '3 days' end, case when p.featured then now() - interval '2 days' end,
       now() - p.age::interval
  from (values
    ('c6000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001',
     '11111111-1111-4111-8111-111111111111', '张伟', '【置顶】技术交流版块发帖须知',
     '{"ops":[{"insert":"欢迎来到技术交流版块！发帖前请注意：\n"},{"insert":"1. 不要粘贴密钥、客户数据和内部账号；\n2. 提问请写清环境、现象和已尝试的办法；\n3. 讨论对事不对人。\n"},{"insert":"违反社区规范的内容会被屏蔽，情节严重的将限制发帖。","attributes":{"bold":true}},{"insert":"\n"}]}',
     true, false, '10 days'),
    ('c6000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001',
     '44444444-4444-4444-8444-444444444444', '陈静', '小程序分包后首屏从 2.8 秒降到 1.1 秒的记录',
     '{"ops":[{"insert":"上周把社区和培训拆成了独立分包，主包从 1.9 MB 降到 780 KB。\n"},{"insert":"几点经验：","attributes":{"bold":true}},{"insert":"\n按页面访问频率决定分包；公共组件放主包；图片全部走 CDN 并开启 webp。\n欢迎大家补充！\n"}]}',
     false, true, '3 days'),
    ('c6000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001',
     '55555555-5555-4555-8555-555555555555', '刘洋', '请教：Postgres 行级安全策略里调用函数为什么要包一层 select？',
     '{"ops":[{"insert":"看到规范里写 auth.uid() 要写成 (select auth.uid())，实测确实快了很多，原理是什么？\n"}]}',
     false, false, '2 days'),
    ('c6000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000002',
     '66666666-6666-4666-8666-666666666666', '赵磊', '深圳教育装备展复盘：三点观察',
     '{"ops":[{"insert":"1. 企业培训类产品普遍强调移动端学习；\n2. 客户最关心的是数据能否导出；\n3. 现场演示比宣传册有效得多。\n"}]}',
     false, false, '1 day'),
    ('c6000000-0000-4000-8000-000000000005', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000003',
     '11111111-1111-4111-8111-111111111111', '张伟', '本周五 20:00 发布窗口与值班安排',
     '{"ops":[{"insert":"后端组刘洋、前端组陈静值班，发布前请在群里确认回滚方案。\n"}]}',
     false, false, '20 hours'),
    ('c6000000-0000-4000-8000-000000000006', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000004',
     '66666666-6666-4666-8666-666666666666', '赵磊', '周末兼职推荐，日结',
     '{"ops":[{"insert":"朋友的公司招周末兼职，动动手指就能赚钱，感兴趣的私聊我拿链接。\n"}]}',
     false, false, '6 hours'),
    ('c6000000-0000-4000-8000-000000000007', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000004',
     '44444444-4444-4444-8444-444444444444', '陈静', '园区新开的云南菜馆，汽锅鸡很正宗',
     '{"ops":[{"insert":"就在 B 座一楼，人均 60，中午 11:30 前去不用排队。\n"}]}',
     false, false, '4 hours'),
    ('c6000000-0000-4000-8000-000000000011', 'e0000000-0000-4000-8000-000000000002', 'c5000000-0000-4000-8000-000000000011',
     '22222222-2222-4222-8222-222222222222', '李娜', '初二物理“浮力”一课的三个课堂小实验',
     '{"ops":[{"insert":"鸡蛋浮沉、橡皮泥船、自制密度计，学生参与度都很高，材料清单见评论。\n"}]}',
     false, true, '2 days'),
    ('c6000000-0000-4000-8000-000000000021', 'e0000000-0000-4000-8000-000000000003', 'c5000000-0000-4000-8000-000000000021',
     '88888888-8888-4888-8888-888888888888', '周杰', '二号车间叉车通道标线已重新施划',
     '{"ops":[{"insert":"请各班组提醒员工不要在黄线内堆放物料，下周起纳入 5S 检查。\n"}]}',
     true, false, '1 day'),
    ('c6000000-0000-4000-8000-000000000022', 'e0000000-0000-4000-8000-000000000003', 'c5000000-0000-4000-8000-000000000022',
     '99999999-9999-4999-8999-999999999999', '吴敏', '提案：来料检验增加一次抽检尺寸复核',
     '{"ops":[{"insert":"上月两批次外壳尺寸偏差都在来料检验后才发现，建议在入库前增加一次复核。\n"}]}',
     false, false, '5 hours')
  ) as p(id, eid, sid, uid, name, title, body, pinned, featured, age)
on conflict (id) do nothing;

insert into public.community_comments (id, enterprise_id, section_id, post_id, parent_id, quote_id, author_id, author_name, body_text, created_at) values
  ('c7000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001', 'c6000000-0000-4000-8000-000000000002',
   null, null, '55555555-5555-4555-8555-555555555555', '刘洋', '太实用了！公共组件放主包这条我们之前踩过坑。', now() - interval '2 days'),
  ('c7000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001', 'c6000000-0000-4000-8000-000000000002',
   'c7000000-0000-4000-8000-000000000001', 'c7000000-0000-4000-8000-000000000001', '44444444-4444-4444-8444-444444444444', '陈静', '对，后来我们用了分包预下载，切换也不卡了。', now() - interval '1 day'),
  ('c7000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000001', 'c6000000-0000-4000-8000-000000000003',
   null, null, '11111111-1111-4111-8111-111111111111', '张伟', '包一层 select 后，规划器把它当成 initPlan 每条语句只算一次，而不是每行都调用。', now() - interval '1 day'),
  ('c7000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000001', 'c5000000-0000-4000-8000-000000000004', 'c6000000-0000-4000-8000-000000000007',
   null, null, '66666666-6666-4666-8666-666666666666', '赵磊', '明天中午一起？', now() - interval '3 hours'),
  ('c7000000-0000-4000-8000-000000000021', 'e0000000-0000-4000-8000-000000000003', 'c5000000-0000-4000-8000-000000000021', 'c6000000-0000-4000-8000-000000000021',
   null, null, '77777777-7777-4777-8777-777777777777', '孙丽', '辛苦了，安全无小事。', now() - interval '20 hours')
on conflict (id) do nothing;

-- The reported item: two reports (weight 1.0 each) on 赵磊's part-time job post, waiting in the queue.
insert into public.community_cases (id, enterprise_id, target_type, target_id, author_id, source, score, report_count, opened_at) values
  ('c8000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'post', 'c6000000-0000-4000-8000-000000000006',
   '66666666-6666-4666-8666-666666666666', 'reports', 2.0, 2, now() - interval '5 hours')
on conflict (id) do nothing;

insert into public.community_reports (id, enterprise_id, case_id, target_type, target_id, reporter_id, category, note, weight, created_at) values
  ('c9000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'c8000000-0000-4000-8000-000000000001', 'post',
   'c6000000-0000-4000-8000-000000000006', '44444444-4444-4444-8444-444444444444', 'ads', '疑似刷单兼职广告', 1.0, now() - interval '5 hours'),
  ('c9000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 'c8000000-0000-4000-8000-000000000001', 'post',
   'c6000000-0000-4000-8000-000000000006', '55555555-5555-4555-8555-555555555555', 'illegal_11', '“动动手指就能赚钱”像诈骗', 1.0, now() - interval '4 hours')
on conflict (id) do nothing;

-- The content types (20261213030000_community_types.sql).
update public.community_posts set post_type = 'question', accepted_comment_id = 'c7000000-0000-4000-8000-000000000003'
 where id = 'c6000000-0000-4000-8000-000000000003';

insert into public.community_posts (id, enterprise_id, section_id, author_id, author_name, title, body, body_text, post_type,
                                    pinned_at, required_department_ids, created_at)
select p.id::uuid, 'e0000000-0000-4000-8000-000000000001', p.sid::uuid, p.uid::uuid, p.name, p.title, p.body::jsonb,
       private.community_delta_text(p.body::jsonb), p.type, case when p.type = 'announcement' then now() - interval '1 day' end,
       case when p.type = 'announcement' then '{}'::uuid[] end, now() - p.age::interval
  from (values
    ('c6000000-0000-4000-8000-000000000031', 'c5000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', '张伟',
     'announcement', '关于启用新版报销流程的通知',
     '{"ops":[{"insert":"自 12 月 15 日起，差旅报销统一在知享提交，纸质单据不再受理。\n请全体同事在本周内阅读《报销制度（2026 版）》。\n"}]}', '1 day'),
    ('c6000000-0000-4000-8000-000000000032', 'c5000000-0000-4000-8000-000000000004', '44444444-4444-4444-8444-444444444444', '陈静',
     'poll', '年会节目投票：你最想看哪个？',
     '{"ops":[{"insert":"各部门报送了四个节目，选出最想看的两个，周五公布结果。\n"}]}', '8 hours'),
    ('c6000000-0000-4000-8000-000000000033', 'c5000000-0000-4000-8000-000000000004', '55555555-5555-4555-8555-555555555555', '刘洋',
     'event', '周六上午羽毛球约起来',
     '{"ops":[{"insert":"园区体育馆 3 号场，已订两片场地，球拍可借，限 8 人。\n"}]}', '2 hours')
  ) as p(id, sid, uid, name, type, title, body, age)
on conflict (id) do nothing;

insert into public.community_polls (post_id, enterprise_id, options, max_choices, anonymous, show_results, closes_at) values
  ('c6000000-0000-4000-8000-000000000032', 'e0000000-0000-4000-8000-000000000001', '{研发中心·乐队,市场部·小品,财务部·相声,人事部·合唱}',
   2, false, 'after_vote', now() + interval '4 days')
on conflict (post_id) do nothing;
insert into public.community_poll_votes (post_id, user_id, enterprise_id, choices) values
  ('c6000000-0000-4000-8000-000000000032', '11111111-1111-4111-8111-111111111111', 'e0000000-0000-4000-8000-000000000001', '{0,1}'),
  ('c6000000-0000-4000-8000-000000000032', '55555555-5555-4555-8555-555555555555', 'e0000000-0000-4000-8000-000000000001', '{0}'),
  ('c6000000-0000-4000-8000-000000000032', '66666666-6666-4666-8666-666666666666', 'e0000000-0000-4000-8000-000000000001', '{1,2}')
on conflict do nothing;
update public.community_polls x set voter_count = (select count(*) from public.community_poll_votes v where v.post_id = x.post_id)
 where x.post_id = 'c6000000-0000-4000-8000-000000000032';

insert into public.community_events (post_id, enterprise_id, starts_at, ends_at, place, capacity, signup_closes_at) values
  ('c6000000-0000-4000-8000-000000000033', 'e0000000-0000-4000-8000-000000000001',
   date_trunc('day', now()) + interval '3 days 1 hour', date_trunc('day', now()) + interval '3 days 3 hours', '园区体育馆 3 号场', 8,
   date_trunc('day', now()) + interval '2 days 12 hours')
on conflict (post_id) do nothing;
insert into public.community_event_signups (post_id, user_id, enterprise_id, status) values
  ('c6000000-0000-4000-8000-000000000033', '44444444-4444-4444-8444-444444444444', 'e0000000-0000-4000-8000-000000000001', 'going'),
  ('c6000000-0000-4000-8000-000000000033', '66666666-6666-4666-8666-666666666666', 'e0000000-0000-4000-8000-000000000001', 'going')
on conflict do nothing;
update public.community_events e set going_count = (select count(*) from public.community_event_signups s where s.post_id = e.post_id and s.status = 'going')
 where e.post_id = 'c6000000-0000-4000-8000-000000000033';

-- Likes, favourites and read receipts (kind, post, member).
insert into public.community_post_marks (kind, post_id, user_id, enterprise_id)
select r.kind, ('c6000000-0000-4000-8000-0000000000' || r.post)::uuid, r.user_id::uuid, ('e0000000-0000-4000-8000-00000000000' || r.ent)::uuid
  from (values ('like', '02', '11111111-1111-4111-8111-111111111111', '1'), ('like', '02', '55555555-5555-4555-8555-555555555555', '1'),
               ('like', '02', '66666666-6666-4666-8666-666666666666', '1'), ('like', '03', '44444444-4444-4444-8444-444444444444', '1'),
               ('like', '07', '55555555-5555-4555-8555-555555555555', '1'), ('like', '21', '99999999-9999-4999-8999-999999999999', '3'),
               ('favorite', '02', '55555555-5555-4555-8555-555555555555', '1'), ('favorite', '03', '11111111-1111-4111-8111-111111111111', '1'),
               ('read', '31', '44444444-4444-4444-8444-444444444444', '1'), ('read', '31', '55555555-5555-4555-8555-555555555555', '1'))
       r(kind, post, user_id, ent)
on conflict do nothing;

-- Counters from the rows above (the RPCs keep them; the seed writes rows directly).
update public.community_posts p
   set like_count = (select count(*) from public.community_post_marks l where l.post_id = p.id and l.kind = 'like'),
       favorite_count = (select count(*) from public.community_post_marks f where f.post_id = p.id and f.kind = 'favorite'),
       read_count = (select count(*) from public.community_post_marks r where r.post_id = p.id and r.kind = 'read'),
       comment_count = (select count(*) from public.community_comments c where c.post_id = p.id and c.status = 'published')
 where p.id::text like 'c6000000-%';

insert into private.community_platform_words (word, category) values
  ('代开发票', 'illegal_11'), ('网络赌博', 'illegal_7'), ('博彩网站', 'illegal_7'), ('刷单返利', 'illegal_11'),
  ('裸聊', 'sexual'), ('办证刻章', 'illegal_11'), ('木马下载', 'malware'), ('身份证号出售', 'privacy')
on conflict (word) do nothing;

insert into public.community_blocked_words (enterprise_id, word, created_by) values
  ('e0000000-0000-4000-8000-000000000001', '内部报价单', '11111111-1111-4111-8111-111111111111'),
  ('e0000000-0000-4000-8000-000000000001', '客户手机号', '11111111-1111-4111-8111-111111111111')
on conflict do nothing;
