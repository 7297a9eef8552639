import { bindDataLayer } from '../../../lib/data';
import { PROFILE_MESSAGES } from '../profile.messages';
import { readMyProfile, type MyProfile } from '../schemas/my-profile';

// Reads and writes go through RPCs (POST): mini-programs cannot send PATCH, and the database
// function owns the validation rules. Through the data layer, a gate refusal met here reaches the
// gate router like any other module's.
const db = bindDataLayer(PROFILE_MESSAGES);

function parseProfile(data: unknown): MyProfile {
  const profile = readMyProfile(data);
  if (!profile) throw db.error('profile_malformed');
  return profile;
}

export const getMyProfile = async (): Promise<MyProfile> => parseProfile(await db.call('get_my_profile'));

export const updateMyProfile = async (displayName: string): Promise<MyProfile> =>
  parseProfile(await db.call('update_my_profile', { p_display_name: displayName }));

export const profileService = { getMyProfile, updateMyProfile };
export type ProfileService = typeof profileService;
