import { mapStorageError, storageStatus } from '../../../lib/data';
import { QUALIFICATION_UPLOAD_MESSAGES } from '../enterprise.messages';

// How the qualification upload maps Storage's answers (qualification.service.ts).
const uploadError = (status: number, body: unknown) => mapStorageError(status, body, QUALIFICATION_UPLOAD_MESSAGES, 'not_enterprise_admin');

// Bodies as Storage sends them (HTTP 400, the meant status as a string in `statusCode`); the same
// shapes come from the local stand-in (tools/local-stack/storage/errors.ts).
const tooLarge = JSON.stringify({ statusCode: '413', error: 'Payload too large', message: 'The object exceeded the maximum allowed size' });
const denied = JSON.stringify({ statusCode: '403', error: 'Unauthorized', message: 'new row violates row-level security policy' });
const badMime = JSON.stringify({ statusCode: '415', error: 'invalid_mime_type', message: 'mime type application/zip is not supported' });
const badJwt = JSON.stringify({ statusCode: '400', error: 'InvalidJWT', message: '"exp" claim timestamp check failed' });

describe('qualification upload errors', () => {
  it('reads the status Storage meant from the body, not the HTTP 400', () => {
    expect(storageStatus(400, tooLarge)).toBe(413);
    expect(storageStatus(400, denied)).toBe(403);
    expect(storageStatus(400, { statusCode: '415' })).toBe(415);
  });

  it('falls back to the HTTP status for bodies without one', () => {
    expect(storageStatus(413, '<html>Request Entity Too Large</html>')).toBe(413);
    expect(storageStatus(502, '')).toBe(502);
    expect(storageStatus(400, JSON.stringify({ statusCode: 'x' }))).toBe(400);
  });

  it('an oversized file, a wrong type and a refusal each get their own message', () => {
    expect(uploadError(400, tooLarge)).toMatchObject({ code: 'file_too_large' });
    expect(uploadError(400, badMime)).toMatchObject({ code: 'file_type_invalid' });
    expect(uploadError(400, denied)).toMatchObject({ code: 'not_enterprise_admin' });
    expect(uploadError(400, badJwt)).toMatchObject({ code: 'upload_failed' });
  });
});
