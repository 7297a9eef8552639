import Taro from '@tarojs/taro';
import { relaunch } from '../../../lib/navigation/relaunch';
import { goToOnboarding } from '../services/gate-router';

jest.mock('../../../lib/navigation/relaunch', () => ({ relaunch: jest.fn().mockResolvedValue(undefined) }));

const onRoute = (route: string) =>
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route } as unknown as Taro.Page]);

describe('goToOnboarding', () => {
  afterEach(() => jest.restoreAllMocks());

  it('leaves the guardian’s link page alone, whoever is signed in on this browser', () => {
    onRoute('packages/onboarding/guardian-link/index');
    goToOnboarding();
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('sends an uncleared user elsewhere to onboarding', () => {
    onRoute('packages/account/profile/index');
    goToOnboarding();
    expect(relaunch).toHaveBeenCalledWith('/packages/onboarding/index');
  });
});
