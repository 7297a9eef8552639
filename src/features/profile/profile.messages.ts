import type { ModuleMessages } from '../../lib/data';

// The profile RPCs (get_my_profile, update_my_profile) raise a stable code with a precise Chinese
// hint (docs/api.md): the server's text is what people read; the data layer's common codes
// (network, invalid_request) cover failures without one.
export const PROFILE_MESSAGES: ModuleMessages = { messages: {}, serverTextFirst: true };
