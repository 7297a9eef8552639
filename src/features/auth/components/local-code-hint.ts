import type { ComponentType } from 'react';
import type { CodeHintProps } from '../../../ui/code-field';

/**
 * The local stack's SMS outbox hint under a code field, for the sign-in, onboarding, password and
 * cancellation pages; null in every other build. A constant condition after Taro inlines the env:
 * webpack drops the require (and the whole local-dev feature) where TARO_APP_LOCAL_STACK is not 'true'.
 */
export const LocalCodeHint: ComponentType<CodeHintProps> | null =
  process.env.TARO_APP_LOCAL_STACK === 'true'
    ? (require('../../local-dev') as typeof import('../../local-dev')).LocalSmsHint
    : null;
