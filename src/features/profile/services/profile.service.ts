import type { PostgrestError } from '@supabase/supabase-js';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { myProfileSchema, type MyProfile } from '../schemas/profile.schema';

// Reads and writes go through RPCs (POST): mini-programs cannot send PATCH, and the database
// function owns the validation rules.

function toProfileError(error: PostgrestError): AppError {
  // postgrest-js reports a failed fetch as an error with an empty code and the exception text.
  if (!error.code && /fetch|network|request failed|aborted/i.test(error.message)) {
    return new AppError('network', NETWORK_ERROR_MESSAGE);
  }
  // SQL functions raise a stable English code as message and Chinese text as hint.
  return new AppError(error.message || 'unknown', error.hint || UNKNOWN_ERROR_MESSAGE);
}

function parseProfile(data: unknown): MyProfile {
  const parsed = myProfileSchema.safeParse(data);
  if (!parsed.success) throw new AppError('profile_malformed', UNKNOWN_ERROR_MESSAGE);
  return parsed.data;
}

export async function getMyProfile(): Promise<MyProfile> {
  const { data, error } = await supabase.rpc('get_my_profile');
  if (error) throw toProfileError(error);
  return parseProfile(data);
}

export async function updateMyProfile(displayName: string): Promise<MyProfile> {
  const { data, error } = await supabase.rpc('update_my_profile', { p_display_name: displayName });
  if (error) throw toProfileError(error);
  return parseProfile(data);
}

export const profileService = { getMyProfile, updateMyProfile };
export type ProfileService = typeof profileService;
