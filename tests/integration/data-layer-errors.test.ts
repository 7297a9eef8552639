// The client data layer (src/lib/data) against the real stack: what the server actually answers
// (PostgREST refusals, Postgres type errors, edge-function bodies, the gate) reaches a screen as
// the right AppError code and Chinese text. Modules bind the layer with their own message tables,
// as the app's services do (src/features/*/<module>.messages.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import { createDataLayer } from '../../src/lib/data/create';
import { onGateRefusal, type GateCode } from '../../src/lib/data/gate';
import type { ModuleMessages } from '../../src/lib/data/messages';
import { ENTERPRISE_MESSAGES as ENTERPRISE } from '../../src/features/enterprise/enterprise.messages';
import { IDENTITY_ERROR_MESSAGES, IDENTITY_MESSAGES } from '../../src/features/identity/identity.messages';
import { PROFILE_MESSAGES } from '../../src/features/profile/profile.messages';
import { anonClient, makePlatformOperator, signInCleared, signInFresh } from '../support/clients';

const layer = (client: SupabaseClient, mod: ModuleMessages) => createDataLayer(client, mod);

describe('data layer errors against the stack', () => {
  const heard: GateCode[] = [];
  beforeAll(() => onGateRefusal((code) => heard.push(code)));
  afterAll(() => onGateRefusal(null));
  beforeEach(() => {
    heard.length = 0;
  });

  it("an uncleared user's call is a gate refusal: identity's wording, status 403, and the one signal", async () => {
    const { client } = await signInFresh();
    const failure = await layer(client, ENTERPRISE).call('my_enterprises').catch((e: unknown) => e);
    expect(failure).toMatchObject({ gateRefusal: true, status: 403 });
    const { code, message } = failure as { code: string; message: string };
    expect(['birth_date_required', 'consent_required']).toContain(code);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(heard).toEqual([code]);
  });

  it("profile shows the server's Chinese hint for a bad name, as a 400 (and now reports gate refusals too)", async () => {
    const { client } = await signInCleared();
    await expect(layer(client, PROFILE_MESSAGES).call('update_my_profile', { p_display_name: '' })).rejects.toMatchObject({
      code: 'display_name_invalid',
      message: expect.stringMatching(/姓名/),
      status: 400,
      gateRefusal: false,
    });
    const fresh = await signInFresh();
    await expect(layer(fresh.client, PROFILE_MESSAGES).call('update_my_profile', { p_display_name: '新名字' })).rejects.toMatchObject({ gateRefusal: true });
    expect(heard).toHaveLength(1);
  });

  it("a value of the wrong type never shows Postgres' English", async () => {
    const { client } = await signInCleared();
    await expect(layer(client, ENTERPRISE).run('switch_enterprise', { p_enterprise_id: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: '请求参数有误，请检查后重试',
    });
  });

  it("a tenancy refusal keeps the server's precise hint", async () => {
    const { client } = await signInCleared();
    const failure = await layer(client, ENTERPRISE).call('enterprise_features', { p_enterprise_id: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'not_enterprise_member', gateRefusal: false });
    expect((failure as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect((failure as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((failure as { status: number }).status).toBeLessThan(500);
  });

  it("an edge function's refusal body maps to its code and identity's wording", async () => {
    const { client } = await signInCleared();
    const failure = await layer(client, IDENTITY_MESSAGES)
      .invoke('password-change', { action: 'confirm', code: '000000', password: 'abc12345xyz' })
      .catch((e: unknown) => e);
    const { code, message, status } = failure as { code: string; message: string; status: number };
    expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(code).not.toBe('unknown');
    expect(message).toBe(IDENTITY_ERROR_MESSAGES[code]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('operator rights are read: my_platform_role() is the operator’s role, null for members, 401 signed out', async () => {
    const operator = await signInCleared();
    await makePlatformOperator(operator.userId);
    const member = await signInCleared();
    await expect(layer(operator.client, IDENTITY_MESSAGES).callNullable('my_platform_role')).resolves.toBe('operator');
    await expect(layer(member.client, IDENTITY_MESSAGES).callNullable('my_platform_role')).resolves.toBeNull();
    await expect(layer(anonClient(), IDENTITY_MESSAGES).callNullable('my_platform_role')).rejects.toMatchObject({ status: 401 });
    // an operator whose own account is not cleared is not counted (as every operator RPC decides)
    const uncleared = await signInFresh();
    await makePlatformOperator(uncleared.userId);
    await expect(layer(uncleared.client, IDENTITY_MESSAGES).callNullable('my_platform_role')).resolves.toBeNull();
  });
});
