-- Demo data for local development (applied by the local stack on a fresh database, and by
-- `supabase db reset` on a real local project). Never run against production.
-- Demo logins (printed by `npm start`): phone + password below, or phone + SMS code from the local outbox.

insert into auth.users (
  instance_id, id, aud, role, phone, phone_confirmed_at, encrypted_password,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.phone, now(),
       extensions.crypt('Zhixiang2026', extensions.gen_salt('bf')),
       '{"provider":"phone","providers":["phone"]}'::jsonb,
       jsonb_build_object('display_name', u.name), now(), now()
  from (values
    ('11111111-1111-4111-8111-111111111111', '8613800000001', '张伟'),
    ('22222222-2222-4222-8222-222222222222', '8613800000002', '李娜'),
    ('33333333-3333-4333-8333-333333333333', '8613800000003', '王芳')
  ) as u(id, phone, name)
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, created_at, updated_at)
select gen_random_uuid(), u.id, u.id::text, 'phone',
       jsonb_build_object('sub', u.id::text, 'phone', u.phone, 'phone_verified', true), now(), now()
  from auth.users u
 where u.id in ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222',
                '33333333-3333-4333-8333-333333333333')
on conflict do nothing;
