// The shape get_my_profile / update_my_profile return, checked without zod: the home tab reads the
// profile before it is idle, and zod (12.6 KB gzip) would be fetched for this one check. zod stays
// for the name editor's rules (profile.schema.ts), which only the profile page loads.

export interface MyProfile {
  id: string;
  display_name: string;
  phone_masked: string | null;
  has_password: boolean;
}

/** The row's own fields (others dropped), or null when it is not a profile row. */
export function readMyProfile(data: unknown): MyProfile | null {
  if (typeof data !== 'object' || data === null) return null;
  const row = data as Record<string, unknown>;
  const { id, display_name, phone_masked, has_password } = row;
  if (typeof id !== 'string' || typeof display_name !== 'string' || typeof has_password !== 'boolean') return null;
  if (phone_masked !== null && typeof phone_masked !== 'string') return null;
  return { id, display_name, phone_masked, has_password };
}
