// Arranging state through the API as a signed-in person (what the app has no screen for, or what a
// test sets up before the flow it drives): the RPC's data, or a thrown error with its message.
import type { SignedInUser } from '../../support/clients';

export async function rpc<T>(who: SignedInUser, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await who.client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}
