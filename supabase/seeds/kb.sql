-- Knowledge-base demo content (issue 14) for the demo enterprises of ../seed.sql: per enterprise an
-- enterprise-wide 员工手册 (with a restricted 薪酬与绩效 folder only the admins and content managers
-- see), an enterprise-wide 入职指南 and a team space 产品文档. Ids are derived from the enterprise id
-- and a key, so the file can run again without duplicating anything.
-- Pages are stored as the editors store them: a Quill Delta, its plain text, search terms and a
-- first version by the enterprise's admin.

create or replace function pg_temp.kb_id(p_ent uuid, p_key text) returns uuid
language sql immutable as $$ select md5(p_ent::text || ':kb:' || p_key)::uuid $$;

create or replace function pg_temp.kb_node(p_ent uuid, p_key text, p_parent_key text, p_kind text, p_title text,
                                           p_author uuid, p_sort integer, p_space_kind text default null)
returns uuid language plpgsql as $$
declare
  v_id uuid := pg_temp.kb_id(p_ent, p_key);
  v_parent public.kb_nodes;
begin
  if p_parent_key is null then
    insert into public.kb_nodes (id, enterprise_id, space_id, kind, space_kind, title, path, acl_node_id, read_key, sets_grants, created_by, updated_by, sort_order)
    values (v_id, p_ent, v_id, 'space', p_space_kind, p_title, array[v_id], v_id, v_id, true, p_author, p_author, p_sort)
    on conflict (id) do nothing;
  else
    select * into v_parent from public.kb_nodes n where n.id = pg_temp.kb_id(p_ent, p_parent_key);
    insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, title, path, acl_node_id, read_key, created_by, updated_by, sort_order)
    values (v_id, p_ent, v_parent.space_id, v_parent.id, p_kind, p_title, v_parent.path || v_id, v_parent.acl_node_id, v_parent.read_key,
            p_author, p_author, p_sort)
    on conflict (id) do nothing;
  end if;
  perform private.kb_reindex(v_id);
  return v_id;
end $$;

-- A page from lines: '# ' → heading 1, '## ' → heading 2, '- ' → bullet, '1. ' → ordered list item,
-- '![alt](kb/<enterprise>/<node>/<name>)' → an image (its bytes are uploaded by the local stack,
-- tools/local-stack/seed-files.ts).
create or replace function pg_temp.kb_page(p_ent uuid, p_key text, p_parent_key text, p_title text, p_author uuid, p_sort integer, p_lines text[])
returns void language plpgsql as $$
declare
  v_id uuid := pg_temp.kb_node(p_ent, p_key, p_parent_key, 'page', p_title, p_author, p_sort);
  v_ops jsonb := '[]'::jsonb;
  v_line text;
  v_delta jsonb;
begin
  foreach v_line in array p_lines loop
    if v_line ~ '^!\[[^]]*\]\([^)]+\)$' then
      v_ops := v_ops || jsonb_build_array(
        jsonb_build_object('insert', jsonb_build_object('image', substring(v_line from '\(([^)]+)\)$')),
                           'attributes', jsonb_build_object('alt', substring(v_line from '^!\[([^]]*)\]'))),
        '{"insert": "\n"}'::jsonb);
    elsif v_line like '# %' then
      v_ops := v_ops || jsonb_build_array(jsonb_build_object('insert', substr(v_line, 3)), '{"insert": "\n", "attributes": {"header": 1}}'::jsonb);
    elsif v_line like '## %' then
      v_ops := v_ops || jsonb_build_array(jsonb_build_object('insert', substr(v_line, 4)), '{"insert": "\n", "attributes": {"header": 2}}'::jsonb);
    elsif v_line like '- %' then
      v_ops := v_ops || jsonb_build_array(jsonb_build_object('insert', substr(v_line, 3)), '{"insert": "\n", "attributes": {"list": "bullet"}}'::jsonb);
    elsif v_line ~ '^[0-9]+\. ' then
      v_ops := v_ops || jsonb_build_array(jsonb_build_object('insert', regexp_replace(v_line, '^[0-9]+\. ', '')), '{"insert": "\n", "attributes": {"list": "ordered"}}'::jsonb);
    else
      v_ops := v_ops || jsonb_build_array(jsonb_build_object('insert', v_line || E'\n'));
    end if;
  end loop;
  v_delta := jsonb_build_object('ops', v_ops);
  insert into public.kb_page_contents (node_id, enterprise_id, delta, version_no, updated_by)
  values (v_id, p_ent, v_delta, 1, p_author)
  on conflict (node_id) do nothing;
  update public.kb_nodes set body_text = private.kb_delta_text(v_delta) where id = v_id and body_text = '';
  insert into public.kb_page_versions (enterprise_id, node_id, version_no, title, delta, body_text, author_id)
  values (p_ent, v_id, 1, p_title, v_delta, private.kb_delta_text(v_delta), p_author)
  on conflict (node_id, version_no) do nothing;
  perform private.kb_reindex(v_id);
end $$;

create or replace function pg_temp.kb_grant(p_ent uuid, p_key text, p_role text, p_kind text, p_user uuid, p_dept uuid, p_by uuid)
returns void language plpgsql as $$
declare
  v_id uuid := pg_temp.kb_id(p_ent, p_key);
begin
  insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id, created_by)
  values (p_ent, v_id, p_role, p_kind, p_user, p_dept, p_by)
  on conflict on constraint kb_grants_one_per_grantee do nothing;
  update public.kb_nodes set sets_grants = true where id = v_id and not sets_grants;
  perform private.kb_refresh_acl(v_id);
end $$;

-- Most demo nodes: the admin manages them, everyone else gets p_role (viewer, or downloader for files).
create or replace function pg_temp.kb_admin_and_everyone(p_ent uuid, p_key text, p_role text, p_admin uuid)
returns void language sql as $$
  select pg_temp.kb_grant(p_ent, p_key, 'manager', 'member', p_admin, null, p_admin);
  select pg_temp.kb_grant(p_ent, p_key, p_role, 'everyone', null, null, p_admin);
$$;

do $$
declare
  e record;
  v_admin uuid;
  v_dept uuid;
  v_name text;
begin
  for e in select x.id, x.name from public.enterprises x
            where x.id in ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000003')
  loop
    select m.user_id into v_admin from public.enterprise_members m where m.enterprise_id = e.id and m.role = 'admin' order by m.joined_at limit 1;
    select d.id into v_dept from public.departments d where d.enterprise_id = e.id and d.parent_id is null order by d.sort_order limit 1;
    v_name := e.name;

    -- 员工手册 ---------------------------------------------------------------------------------
    perform pg_temp.kb_node(e.id, 'handbook', null, 'space', '员工手册', v_admin, 1, 'enterprise');
    perform pg_temp.kb_admin_and_everyone(e.id, 'handbook', 'viewer', v_admin);
    perform pg_temp.kb_node(e.id, 'handbook/rules', 'handbook', 'folder', '规章制度', v_admin, 1);
    perform pg_temp.kb_page(e.id, 'handbook/about', 'handbook', '公司简介', v_admin, 0, array[
      '# 关于' || v_name,
      v_name || '成立于 2015 年，始终坚持“客户第一、团队协作、持续学习”的价值观。',
      '## 我们的使命',
      '让每一位员工都能找到需要的知识，把经验沉淀为组织的能力。',
      '## 组织架构',
      '- 总经理办公室：战略与经营管理',
      '- 各业务部门：产品研发、市场销售与客户服务',
      '- 职能部门：人力资源、财务与行政']);
    perform pg_temp.kb_page(e.id, 'handbook/attendance', 'handbook/rules', '考勤与休假制度', v_admin, 1, array[
      '# 考勤与休假制度',
      '## 工作时间',
      '标准工作时间为周一至周五 9:00–18:00，午休 12:00–13:30。实行弹性上班的部门可在 8:30–10:00 之间到岗。',
      '## 打卡',
      '- 上下班均需在企业微信中打卡',
      '- 外出办公请提前提交外勤申请',
      '- 每月忘记打卡超过 3 次的，需由直属主管说明情况',
      '## 休假',
      '1. 年假：入职满一年享有 5 天带薪年假，之后每满一年增加 1 天，最多 15 天',
      '2. 病假：需提供医院证明，每年 10 天病假工资按 80% 发放',
      '3. 婚假、产假、陪产假按国家及当地规定执行',
      '请假须在 OA 系统提交申请，3 天以内由直属主管审批，超过 3 天需部门负责人审批。']);
    perform pg_temp.kb_page(e.id, 'handbook/expense', 'handbook/rules', '费用报销制度', v_admin, 2, array[
      '# 费用报销制度',
      '报销遵循“事前申请、事后报销、凭票入账”的原则。',
      '## 差旅标准',
      '- 一线城市住宿每晚不超过 500 元，其他城市不超过 350 元',
      '- 出差补贴每天 100 元，含市内交通与餐费',
      '- 高铁二等座、飞机经济舱，提前 3 天预订',
      '## 报销流程',
      '1. 在报销系统中填写报销单并上传电子发票',
      '2. 直属主管审批',
      '3. 财务复核，每周四统一打款',
      '发票抬头须为公司全称，税号请在财务页面查询。']);
    perform pg_temp.kb_page(e.id, 'handbook/security', 'handbook/rules', '信息安全规范', v_admin, 3, array[
      '# 信息安全规范',
      '公司数据属于公司资产，未经授权不得外传。',
      '- 电脑离开座位请锁屏（Windows + L / Control + Command + Q）',
      '- 密码至少 12 位，不得与其他网站共用',
      '- 客户资料只能存放在公司网盘和知识库中',
      '- 发现可疑邮件请转发至安全团队，不要点击其中的链接',
      '违反本规范造成损失的，将依照员工奖惩制度处理。']);
    -- the restricted folder: admins (and content managers) only
    perform pg_temp.kb_node(e.id, 'handbook/pay', 'handbook', 'folder', '薪酬与绩效（仅管理层）', v_admin, 9);
    perform pg_temp.kb_grant(e.id, 'handbook/pay', 'manager', 'member', v_admin, null, v_admin);
    perform pg_temp.kb_page(e.id, 'handbook/pay/2027', 'handbook/pay', '2027 年度调薪方案', v_admin, 1, array[
      '# 2027 年度调薪方案（保密）',
      '本方案仅限管理层查阅，请勿转发。',
      '## 调薪原则',
      '- 整体调薪预算为工资总额的 8%',
      '- 绩效 A 的员工调薪幅度 12%–18%，绩效 B 为 6%–10%，绩效 C 不调薪',
      '- 关键岗位可单独申请专项预算',
      '## 时间安排',
      '1. 1 月 15 日前完成年度绩效评定',
      '2. 2 月 1 日起执行新薪资']);
    perform pg_temp.kb_page(e.id, 'handbook/pay/bonus', 'handbook/pay', '年终奖金发放规则', v_admin, 2, array[
      '# 年终奖金发放规则',
      '年终奖金 = 月薪 × 绩效系数 × 在职月数 / 12。',
      '绩效系数：A 为 2.0，B 为 1.2，C 为 0.5。奖金随 1 月工资一并发放。']);

    -- 入职指南 ---------------------------------------------------------------------------------
    perform pg_temp.kb_node(e.id, 'onboarding', null, 'space', '入职指南', v_admin, 2, 'enterprise');
    perform pg_temp.kb_admin_and_everyone(e.id, 'onboarding', 'viewer', v_admin);
    perform pg_temp.kb_page(e.id, 'onboarding/day1', 'onboarding', '入职第一天', v_admin, 1, array[
      '# 欢迎加入' || v_name || '！',
      '入职第一天，请按以下步骤完成报到：',
      '1. 9:30 到前台报到，领取工牌和办公电脑',
      '2. 人力资源同事会带你签署劳动合同和保密协议',
      '3. 加入企业微信，完善通讯录中的个人信息',
      '4. 与直属主管进行一次 30 分钟的见面沟通',
      '遇到任何问题，都可以在企业微信里找你的入职伙伴（Buddy）。']);
    -- file nodes: everyone may download them (the space only lets everyone view); the bytes are
    -- uploaded by the local stack (tools/local-stack/seed-files.ts)
    perform pg_temp.kb_node(e.id, 'onboarding/handbook-pdf', 'onboarding', 'file', '员工手册.pdf', v_admin, 5);
    perform pg_temp.kb_admin_and_everyone(e.id, 'onboarding/handbook-pdf', 'downloader', v_admin);
    perform pg_temp.kb_node(e.id, 'onboarding/welcome-video', 'onboarding', 'file', '新员工欢迎视频.mp4', v_admin, 6);
    perform pg_temp.kb_admin_and_everyone(e.id, 'onboarding/welcome-video', 'downloader', v_admin);
    perform pg_temp.kb_page(e.id, 'onboarding/week1', 'onboarding', '第一周学习清单', v_admin, 2, array[
      '# 第一周学习清单',
      '- 阅读《员工手册》中的考勤、报销和信息安全制度',
      '- 在培训中心完成“新员工必修课”并通过考试',
      '- 了解所在部门的业务目标和本季度 OKR',
      '- 参加周五下午的新人交流会']);
    perform pg_temp.kb_page(e.id, 'onboarding/tools', 'onboarding', '常用工具与账号', v_admin, 3, array[
      '# 常用工具与账号',
      '## 办公',
      '- 企业微信：沟通、审批、打卡',
      '- 知享：知识库、培训与社区',
      '- 腾讯会议：线上会议',
      '## 账号开通',
      'IT 服务台会在入职当天为你开通邮箱、VPN 和网盘账号；研发同学另需申请 Git 与 CI 权限。']);
    perform pg_temp.kb_page(e.id, 'onboarding/faq', 'onboarding', '新人常见问题', v_admin, 4, array[
      '# 新人常见问题',
      '## 试用期多久？',
      '试用期一般为 3 个月，表现优秀者可申请提前转正。',
      '## 工资什么时候发？',
      '每月 10 日发放上月工资，遇节假日提前。',
      '## 电脑坏了找谁？',
      '在企业微信“IT 服务台”提交工单，工作时间内 2 小时响应。']);

    -- 产品文档 (team space) ----------------------------------------------------------------------
    perform pg_temp.kb_node(e.id, 'product', null, 'space', '产品文档', v_admin, 3, 'team');
    perform pg_temp.kb_admin_and_everyone(e.id, 'product', 'viewer', v_admin);
    if v_dept is not null then
      perform pg_temp.kb_grant(e.id, 'product', 'editor', 'department', null, v_dept, v_admin);
    end if;
    perform pg_temp.kb_node(e.id, 'product/releases', 'product', 'folder', '版本发布说明', v_admin, 2);
    perform pg_temp.kb_page(e.id, 'product/overview', 'product', '产品概览', v_admin, 1, array[
      '# 产品概览',
      '我们的核心产品帮助企业管理知识、培训员工并建设内部社区，支持微信小程序、企业微信和网页三端。',
      '## 主要模块',
      '- 知识库：空间、文件夹、页面与文件，支持细到每个节点的权限',
      '- 培训学习：课程、考试与学习记录',
      '- 社区：论坛、问答、活动与投票']);
    perform pg_temp.kb_page(e.id, 'product/architecture', 'product', '系统架构图', v_admin, 2, array[
      '# 系统架构图',
      '小程序、企业微信和网页三端通过同一套 API 访问数据，权限由数据库统一判断。',
      '![系统架构图](kb/' || e.id || '/' || pg_temp.kb_id(e.id, 'product/architecture') || '/architecture.png)',
      '- 蓝色：客户端（小程序、企业微信、H5）',
      '- 绿色：API 与边缘函数',
      '- 橙色：数据库与文件存储']);
    perform pg_temp.kb_page(e.id, 'product/releases/v2-3', 'product/releases', 'v2.3 发布说明', v_admin, 1, array[
      '# v2.3 发布说明',
      '## 新功能',
      '- 知识库支持中文全文搜索，一两个字也能搜到',
      '- 页面历史版本可一键恢复',
      '- 回收站保留 30 天',
      '## 修复',
      '- 修复了小程序中长图片预览偶发白屏的问题']);
    perform pg_temp.kb_page(e.id, 'product/api', 'product', 'API 接入指南', v_admin, 3, array[
      '# API 接入指南',
      '开放接口使用 OAuth2 client_credentials 方式获取 access_token，有效期 7200 秒。',
      '## 调用示例',
      '1. 在管理后台创建应用，获得 AppKey 和 AppSecret',
      '2. 请求 /oauth/token 获取 access_token',
      '3. 在请求头 Authorization: Bearer <token> 中携带令牌',
      '接口限流为每个应用每秒 20 次，超出返回 HTTP 429。']);
    perform pg_temp.kb_page(e.id, 'product/troubleshooting', 'product', '常见故障排查', v_admin, 4, array[
      '# 常见故障排查',
      '## 登录失败',
      '请确认手机号已加入企业，并检查短信验证码是否过期（5 分钟有效）。',
      '## 搜索不到内容',
      '搜索只返回你有权限查看的页面；如需访问受限文件夹，请联系空间管理员授权。']);
  end loop;
end;
$$;
