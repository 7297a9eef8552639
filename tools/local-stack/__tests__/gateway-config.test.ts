// Small pure pieces the gateway and function runner depend on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadVerifyJwt } from '../gateway';
import { parseDotenv } from '../functions-runner';
import { expectedTc3Signature } from '../local-sms';
import { tc3Authorization } from '../../../supabase/functions/_shared/sms/tencent';

describe('verify_jwt from supabase/config.toml', () => {
  it('reads per-function settings, quoted or not, and ignores other sections', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zx-toml-')), 'config.toml');
    fs.writeFileSync(
      file,
      ['[functions.send-sms]', 'verify_jwt = false', '[functions."pay_notify"]', 'verify_jwt=false # comment', '[functions.open]',
        'verify_jwt = true', '[auth]', 'verify_jwt = false'].join('\n'),
    );
    const map = loadVerifyJwt(file);
    expect(Object.fromEntries(map)).toEqual({ 'send-sms': false, pay_notify: false, open: true });
  });

  it('the repo config turns the check off for the GoTrue hook only', () => {
    const map = loadVerifyJwt();
    expect(map.get('send-sms')).toBe(false);
    expect(map.get('health') ?? true).toBe(true);
  });
});

describe('function secrets files', () => {
  it('parses KEY=VALUE lines with comments, export and quotes', () => {
    expect(parseDotenv('# c\nA=1\nexport B="two words"\nC=\'x=y\'\n bad line\n')).toEqual({ A: '1', B: 'two words', C: 'x=y' });
  });
});

describe('TC3-HMAC-SHA256', () => {
  it("the Deno client's signature matches the fake provider's independent Node computation", async () => {
    const payload = JSON.stringify({ PhoneNumberSet: ['+8613800138000'], TemplateParamSet: ['123456', '5'] });
    const ts = 1_763_769_600; // 2025-11-22T00:00:00Z: the date in the scope changes with it
    const auth = await tc3Authorization({ secretId: 'AKIDx', secretKey: 'k3y' }, '127.0.0.1:54321', payload, ts);
    const headers = { 'content-type': 'application/json; charset=utf-8', host: '127.0.0.1:54321', 'x-tc-action': 'SendSms' };
    expect(auth).toBe(
      `TC3-HMAC-SHA256 Credential=AKIDx/2025-11-22/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${expectedTc3Signature('k3y', headers, payload, ts)}`,
    );
  });
});
