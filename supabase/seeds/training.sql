-- Training demo data (issue 16): in each demo enterprise of ../seed.sql whose edition has training (professional, private), the compliance course
-- 信息安全合规培训 (three lessons), a question bank of eight questions, a published exam on it and an
-- assignment of the course to everyone. Ids derive from the enterprise id, so re-running changes
-- nothing. The video lesson names an object path; the demo ships no video file.
do $$
declare
  e uuid;
  v_course uuid;
  v_chapter1 uuid;
  v_chapter2 uuid;
  v_paper uuid;
  q record;
  n integer;
begin
  foreach e in array array['e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002',
                           'e0000000-0000-4000-8000-000000000003']::uuid[] loop
    -- training is a professional/private feature: the basic demo enterprise (青禾教育) gets none
    continue when not exists (select 1 from public.enterprises where id = e) or not private.has_feature(e, 'training');
    v_course := md5('training-course-' || e)::uuid;
    v_chapter1 := md5('training-chapter-1-' || e)::uuid;
    v_chapter2 := md5('training-chapter-2-' || e)::uuid;
    v_paper := md5('training-paper-' || e)::uuid;

    insert into public.training_courses (id, enterprise_id, title, summary, category, required, status, points, published_at)
    values (v_course, e, '信息安全合规培训',
            '面向全体员工的年度信息安全必修课：密码与账号安全、钓鱼邮件识别、客户个人信息保护。学完全部课时并通过考试即可获得结业证书。',
            '合规', true, 'published', 10, now())
    on conflict (id) do nothing;

    insert into public.training_chapters (id, enterprise_id, course_id, title, sort_order) values
      (v_chapter1, e, v_course, '第一章 账号与密码', 1),
      (v_chapter2, e, v_course, '第二章 数据与隐私', 2)
    on conflict (id) do nothing;

    insert into public.training_lessons (id, enterprise_id, course_id, chapter_id, title, kind, body_delta, body_text,
                                         video_path, video_seconds, sort_order, points) values
      (md5('training-lesson-1-' || e)::uuid, e, v_course, v_chapter1, '设置安全的密码', 'text',
       '{"ops":[{"insert":"为什么密码很重要"},{"insert":"\n","attributes":{"header":2}},{"insert":"公司邮箱、OA 和客户系统的账号一旦被盗，攻击者就能以你的身份访问敏感数据。\n"},{"insert":"三条基本规则"},{"insert":"\n","attributes":{"header":2}},{"insert":"密码至少 12 位，混合字母、数字和符号"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"不同系统使用不同密码，不要复用个人网站的密码"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"开启双因素认证（2FA），验证码不告诉任何人"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"记住：","attributes":{"bold":true}},{"insert":"IT 部门永远不会向你索要密码。\n"}]}'::jsonb,
       E'为什么密码很重要\n公司邮箱、OA 和客户系统的账号一旦被盗，攻击者就能以你的身份访问敏感数据。\n三条基本规则\n密码至少 12 位，混合字母、数字和符号\n不同系统使用不同密码，不要复用个人网站的密码\n开启双因素认证（2FA），验证码不告诉任何人\n记住：IT 部门永远不会向你索要密码。\n',
       null, null, 1, 2),
      (md5('training-lesson-2-' || e)::uuid, e, v_course, v_chapter1, '识别钓鱼邮件（视频）', 'video', null, '',
       e::text || '/training/phishing-awareness.mp4', 300, 2, 2),
      (md5('training-lesson-3-' || e)::uuid, e, v_course, v_chapter2, '客户个人信息保护', 'text',
       '{"ops":[{"insert":"哪些属于个人信息"},{"insert":"\n","attributes":{"header":2}},{"insert":"姓名、手机号、身份证号、银行卡号、住址、行踪轨迹等能识别特定个人的信息，都受《个人信息保护法》保护。\n"},{"insert":"日常工作中的要求"},{"insert":"\n","attributes":{"header":2}},{"insert":"只在完成工作所必需的范围内查看和使用客户信息"},{"insert":"\n","attributes":{"list":"bullet"}},{"insert":"不把客户信息发到个人微信、个人邮箱或公共网盘"},{"insert":"\n","attributes":{"list":"bullet"}},{"insert":"发现信息泄露，立即报告信息安全团队"},{"insert":"\n","attributes":{"list":"bullet"}}]}'::jsonb,
       E'哪些属于个人信息\n姓名、手机号、身份证号、银行卡号、住址、行踪轨迹等能识别特定个人的信息，都受《个人信息保护法》保护。\n日常工作中的要求\n只在完成工作所必需的范围内查看和使用客户信息\n不把客户信息发到个人微信、个人邮箱或公共网盘\n发现信息泄露，立即报告信息安全团队\n',
       null, null, 3, 2)
    on conflict (id) do nothing;

    n := 0;
    for q in
      select * from (values
        ('single', '收到一封自称“IT 部门”的邮件，要求点击链接重新输入邮箱密码，你应该？',
         '["立即点击链接并输入密码", "回复邮件询问对方身份", "不点击链接，报告信息安全团队"]', '["C"]', 1,
         '正规的 IT 部门不会通过邮件索要密码，可疑邮件应直接报告。'),
        ('single', '以下哪个密码最安全？', '["123456abc", "Zhang1990", "qT7#mV2!pL9x"]', '["C"]', 1,
         '长度足够且混合大小写字母、数字和符号的随机密码最安全。'),
        ('multiple', '以下哪些属于个人信息？', '["身份证号", "公司官网地址", "客户手机号", "银行卡号"]', '["A","C","D"]', 2,
         '能识别特定个人的信息都是个人信息，公司官网地址不是。'),
        ('multiple', '发现工作电脑可能中了病毒，正确的做法有？', '["断开网络", "继续工作观察一下", "立即报告 IT 或信息安全团队", "自己下载破解版杀毒软件"]', '["A","C"]', 2,
         '先断网防止扩散，再报告专业团队处理。'),
        ('true_false', '为了方便，可以把工作账号密码写在便利贴上贴在显示器旁。', '[]', 'false', 1, '密码不能以任何明文形式留在工位上。'),
        ('true_false', '开启双因素认证后，即使密码泄露，账号也多了一层保护。', '[]', 'true', 1, '双因素认证需要额外的验证码，能有效降低盗号风险。'),
        ('fill', '双因素认证的英文缩写是____。', '[]', '["2FA", "MFA"]', 2, '2FA（Two-Factor Authentication），也常称 MFA。'),
        ('fill', '我国专门保护个人信息的法律是《____保护法》。', '[]', '["个人信息"]', 2, '《中华人民共和国个人信息保护法》自 2021 年 11 月 1 日起施行。')
      ) as t(kind, stem, options, answer, difficulty, explanation)
    loop
      n := n + 1;
      insert into public.training_questions (id, enterprise_id, kind, stem, options, category, difficulty, tags)
      values (md5('training-question-' || n || '-' || e)::uuid, e, q.kind, q.stem,
              case q.kind
                when 'true_false' then '[{"id":"T","text":"正确"},{"id":"F","text":"错误"}]'::jsonb
                when 'fill' then '[]'::jsonb
                else (select jsonb_agg(jsonb_build_object('id', chr(64 + o.ord::integer), 'text', o.t) order by o.ord)
                        from jsonb_array_elements_text(q.options::jsonb) with ordinality o(t, ord)) end,
              '信息安全', q.difficulty, '{合规}')
      on conflict (id) do nothing;
      insert into private.training_question_keys (question_id, answer, explanation)
      values (md5('training-question-' || n || '-' || e)::uuid,
              case q.kind
                when 'true_false' then case when q.answer = 'true' then '["T"]'::jsonb else '["F"]'::jsonb end
                when 'fill' then (select jsonb_agg(private.training_normalize(a)) from jsonb_array_elements_text(q.answer::jsonb) a)
                else q.answer::jsonb end,
              q.explanation)
      on conflict (question_id) do nothing;
    end loop;

    insert into public.training_papers (id, enterprise_id, course_id, title, mode, total_score, pass_score, duration_minutes,
                                        attempt_limit, shuffle_questions, shuffle_options, leave_limit, review_after_submit,
                                        review_after_close, certificate, points, status)
    values (v_paper, e, v_course, '信息安全合规考试', 'fixed', 100, 80, 20, 3, true, true, 5, 'score', 'answers', true, 20, 'published')
    on conflict (id) do nothing;
    insert into public.training_paper_questions (paper_id, question_id, enterprise_id, score, position)
    select v_paper, md5('training-question-' || i || '-' || e)::uuid, e, case when i <= 4 then 15 else 10 end, i
      from generate_series(1, 8) i
    on conflict do nothing;

    -- Some progress in 星河科技, so 学习 and the leaderboard are not empty: 陈静 finished the course,
    -- 李娜 two lessons, 刘洋 one (points as the RPCs would have written them).
    if e = 'e0000000-0000-4000-8000-000000000001' then
      insert into public.training_lesson_progress (user_id, lesson_id, enterprise_id, course_id, position_seconds, watched_seconds, completed_at)
      select p.user_id, md5('training-lesson-' || p.n || '-' || e)::uuid, e, v_course,
             case when p.n = 2 then 300 else 0 end, case when p.n = 2 then 300 else 0 end, now() - interval '2 days'
        from (values ('44444444-4444-4444-8444-444444444444'::uuid, 1), ('44444444-4444-4444-8444-444444444444'::uuid, 2),
                     ('44444444-4444-4444-8444-444444444444'::uuid, 3), ('22222222-2222-4222-8222-222222222222'::uuid, 1),
                     ('22222222-2222-4222-8222-222222222222'::uuid, 3), ('55555555-5555-4555-8555-555555555555'::uuid, 1)) p(user_id, n)
       where exists (select 1 from public.enterprise_members m where m.enterprise_id = e and m.user_id = p.user_id)
      on conflict do nothing;
      insert into public.training_course_completions (user_id, course_id, enterprise_id, completed_at)
      select '44444444-4444-4444-8444-444444444444', v_course, e, now() - interval '2 days'
       where exists (select 1 from public.enterprise_members m where m.enterprise_id = e and m.user_id = '44444444-4444-4444-8444-444444444444')
      on conflict do nothing;
      insert into public.training_points (enterprise_id, user_id, source_kind, source_id, points, reason)
      select e, p.user_id, 'lesson', p.lesson_id, 2, '完成课时：' || l.title
        from public.training_lesson_progress p join public.training_lessons l on l.id = p.lesson_id
       where p.course_id = v_course and p.completed_at is not null
      on conflict on constraint training_points_once_per_source do nothing;
      insert into public.training_points (enterprise_id, user_id, source_kind, source_id, points, reason)
      select e, c.user_id, 'course', v_course, 10, '完成课程：信息安全合规培训'
        from public.training_course_completions c where c.course_id = v_course
      on conflict on constraint training_points_once_per_source do nothing;
    end if;

    insert into public.training_assignments (id, enterprise_id, course_id, target, due_at)
    values (md5('training-assignment-' || e)::uuid, e, v_course, 'everyone', date_trunc('day', now()) + interval '30 days')
    on conflict (id) do nothing;
  end loop;
end;
$$;
