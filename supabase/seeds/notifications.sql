-- Notification center demo data (issue 13): the WeChat subscribe-message templates of the local
-- mini-program, and a few notices in the demo members' inboxes. Re-runnable (fixed ids).
-- A real project inserts its own template ids (公共模板库 → 我的模板) into private.notification_templates.

-- Two templates: account and agreement notices (服务状态通知), everything else (待办事项提醒).
-- Keywords as the chosen templates define them; `fields` says which part of a notice fills each one.
insert into private.notification_templates (kind, wechat_template_id, fields)
select k.kind, t.id, t.fields::jsonb
  from (values
    ('zxLocalTplAccount0000000000000000000001', '{"thing1": "kind", "thing2": "title", "time3": "time"}',
     array['agreement_updated', 'account_action', 'account_report', 'enterprise_status', 'enterprise_cancellation']),
    ('zxLocalTplTodo00000000000000000000000002', '{"thing1": "title", "thing2": "body", "time3": "time"}',
     array['enterprise_join_request', 'enterprise_membership', 'enterprise_qualification'])
  ) as t(id, fields, kinds)
  cross join unnest(t.kinds) as k(kind)
on conflict (kind) do nothing;

-- Inboxes: 孙丽 (远山制造 admin) has 刘洋's pending request to decide; 刘洋 was let into 星河科技;
-- 李娜 got 青禾教育's qualification outcome; 张伟 read the privacy guide update.
insert into public.notifications (id, user_id, kind, title, body, data, created_at, read_at, dedup_key) values
  ('c1000000-0000-4000-8000-000000000001', '77777777-7777-4777-8777-777777777777', 'enterprise_join_request',
   '新的加入申请', '刘洋 申请加入 远山制造，请在成员管理中处理。',
   '{"enterprise_id": "e0000000-0000-4000-8000-000000000003", "join_request_id": "1b000000-0000-4000-8000-000000000001"}',
   now() - interval '2 hours', null, null),
  ('c1000000-0000-4000-8000-000000000002', '55555555-5555-4555-8555-555555555555', 'enterprise_membership',
   '加入申请已通过', '你已加入 星河科技，可以在首页切换到该企业。',
   '{"enterprise_id": "e0000000-0000-4000-8000-000000000001", "status": "approved"}',
   now() - interval '3 days', now() - interval '3 days', null),
  ('c1000000-0000-4000-8000-000000000003', '22222222-2222-4222-8222-222222222222', 'enterprise_qualification',
   '企业认证已通过', '青禾教育 的营业执照已审核通过，认证标识已在企业资料中展示。',
   '{"enterprise_id": "e0000000-0000-4000-8000-000000000002", "kind": "business_license", "status": "approved"}',
   now() - interval '1 day', null, null),
  ('c1000000-0000-4000-8000-000000000004', '11111111-1111-4111-8111-111111111111', 'agreement_updated',
   '《知享隐私保护指引》已更新', '我们更新了个人信息的保存期限说明，请在“我的 → 协议与隐私”中查看。',
   '{"document_id": "a0000000-0000-4000-8000-000000000002", "version": 1}',
   now() - interval '5 days', now() - interval '4 days', null),
  ('c1000000-0000-4000-8000-000000000005', '11111111-1111-4111-8111-111111111111', 'enterprise_membership',
   '你已被设为管理员', '你在 青禾教育 的角色已变更为管理员。',
   '{"enterprise_id": "e0000000-0000-4000-8000-000000000002", "role": "admin"}',
   now() - interval '30 minutes', null, null)
on conflict (id) do nothing;

-- 张伟 wants join requests by text too (a member's own choice; mandatory kinds need none).
insert into public.notification_preferences (user_id, kind, channel, enabled) values
  ('11111111-1111-4111-8111-111111111111', 'enterprise_join_request', 'sms', true)
on conflict do nothing;
