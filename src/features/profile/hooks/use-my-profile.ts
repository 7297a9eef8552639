import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import type { MyProfile } from '../schemas/profile.schema';
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
  const [profile, setProfile] = useState<MyProfile | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setLoading(true);
    setError('');
    service
      .getMyProfile()
      .then((result) => {
        if (!cancelled) setProfile(result);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(messageOf(failure));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, attempt, service]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the first answer arrives the profile is loading, even in the render before the effect
  // runs; otherwise home flashes the "new member" greeting for a named member.
  const pending = enabled && profile === null && error === '';
  return { profile, loading: loading || pending, error, reload, setProfile };
}
