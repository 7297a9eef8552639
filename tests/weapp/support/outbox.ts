// Reads the local SMS outbox over node:http: the harness deletes the global fetch that
// tests/support/clients.ts#latestSmsCode relies on while the mini-program runs.
import http from 'node:http';
import { URL as NodeURL } from 'node:url';

export function latestSmsCodeOverHttp(stackUrl: string, phone: string): Promise<string | undefined> {
  const url = new NodeURL('/__local/sms', stackUrl);
  url.searchParams.set('phone', phone);
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            if (res.statusCode !== 200) throw new Error(`outbox answered ${res.statusCode}`);
            const list = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<{ code: string }>;
            resolve(list[0]?.code);
          } catch (error) {
            reject(error);
          }
        });
      })
      .on('error', reject);
  });
}
