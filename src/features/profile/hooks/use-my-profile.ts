import { useLoader } from '../../../lib/hooks/use-loader';
import type { MyProfile } from '../schemas/my-profile';
import { profileService, type ProfileService } from '../services/profile.service';

export interface MyProfileState {
  profile: MyProfile | null;
  loading: boolean;
  error: string;
  reload(): void;
  setProfile(profile: MyProfile): void;
}

/** Loads the signed-in user's profile when `enabled` (i.e. once signed in). */
export function useMyProfile(enabled: boolean, service: Pick<ProfileService, 'getMyProfile'> = profileService): MyProfileState {
  const { data, loading, error, reload, setData } = useLoader(() => service.getMyProfile(), 'my-profile', enabled);
  return { profile: data, loading, error, reload, setProfile: setData };
}
