// Public API of the profile feature.
export { NameEditor } from './components/name-editor';
export { ProfileCard } from './components/profile-card';
export { useMyProfile } from './hooks/use-my-profile';
export { profileService, getMyProfile, updateMyProfile } from './services/profile.service';
export { displayNameSchema } from './schemas/profile.schema';
export { readMyProfile, type MyProfile } from './schemas/my-profile';
