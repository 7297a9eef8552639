-- =============================================================================
-- Follow-ups after the security work of issue 10 landed together.
-- =============================================================================

-- The birth date is set once (minors hardening); the status says so for everyone who has one, so
-- the app offers a correction request instead of a form the database refuses.
create or replace function private.consent_status(p_uid uuid)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_account private.accounts;
  v_band text;
  v_age integer;
  v_gate text := private.gate_code(p_uid);
  v_guardian public.guardians;
  v_missing json;
begin
  select * into v_account from private.accounts a where a.user_id = p_uid;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  v_band := private.age_band(v_account.birth_date);
  v_age := private.age_years(v_account.birth_date);
  select * into v_guardian from public.guardians g where g.user_id = p_uid and g.withdrawn_at is null;

  -- Documents that apply (required or not) whose current version lacks an active consent of the
  -- right kind: the UI lists them with checkboxes (never pre-ticked).
  select coalesce(json_agg(json_build_object(
           'document_id', d.id, 'slug', d.slug, 'kind', d.kind, 'title', d.title,
           'required', d.required, 'audience', d.audience,
           'needs_guardian', d.audience = 'under_14',
           'version_id', v.id, 'version', v.version, 'version_title', v.title,
           'effective_at', v.effective_at,
           'previously_consented_version', (
             select max(pv.version) from public.consents c join public.agreement_versions pv on pv.id = c.version_id
              where c.user_id = p_uid and c.document_id = d.id)
         ) order by d.sort_order, d.slug), '[]'::json)
    into v_missing
    from public.agreement_documents d
    join private.current_versions() cv on cv.document_id = d.id
    join public.agreement_versions v on v.id = cv.version_id
   where (d.audience = 'everyone'
          or (d.audience = 'under_18' and v_age < 18)
          or (d.audience = 'under_14' and v_age < 14))
     and (d.required or not exists (
           select 1 from public.consents c0 where c0.user_id = p_uid and c0.document_id = d.id))
     and not exists (
       select 1 from public.consents c
        where c.user_id = p_uid and c.version_id = cv.version_id and c.withdrawn_at is null
          and (d.audience <> 'under_14' or (c.consented_by = 'guardian' and v_guardian.id is not null and c.guardian_id = v_guardian.id)));

  return json_build_object(
    'cleared', v_gate is null,
    'gate', v_gate,
    'gate_hint', case when v_gate is null then null else private.gate_hint(v_gate) end,
    'missing', v_missing,
    'birth_date_set', v_account.birth_date is not null,
    -- set once (20261206030000_minors_hardening.sql); later changes are reviewed corrections
    'birth_date_locked', v_account.birth_date is not null,
    'age_band', v_band,
    'guardian', json_build_object(
      'needed', v_age is not null and v_age < 18,
      'status', case when v_age is null or v_age >= 18 then 'not_needed'
                     when v_guardian.id is not null then 'confirmed'
                     when exists (select 1 from public.guardians g where g.user_id = p_uid) then 'withdrawn'
                     else 'missing' end,
      'name', v_guardian.guardian_name,
      'relationship', v_guardian.relationship,
      'phone_masked', private.mask_phone(v_guardian.guardian_phone),
      'confirmed_at', v_guardian.confirmed_at,
      'children_statement_needed', v_age is not null and v_age < 14),
    'account_status', v_account.status
  );
end;
$$;
