// The link a minor sends to a guardian who is elsewhere: the H5 site's guardian page. Taro's
// mini-program runtime has a window.location of its own (https://taro.com/…), which once ended up
// in the link; a mini-program build must use TARO_APP_H5_URL instead.
const TOKEN = 'cXt-Lc8R3IFKAduXDGpxjmvu';

// Taro types TARO_ENV as its platform names; the test sets and clears it as a plain variable.
const env = process.env as Record<string, string | undefined>;

function urlFor(taroEnv: string | undefined): string {
  const saved = { env: env.TARO_ENV, h5: env.TARO_APP_H5_URL };
  env.TARO_APP_H5_URL = 'https://zhixiang.example.cn/';
  if (taroEnv === undefined) delete env.TARO_ENV;
  else env.TARO_ENV = taroEnv;
  try {
    let url = '';
    jest.isolateModules(() => {
      url = (require('../services/guardian-link') as typeof import('../services/guardian-link')).guardianLinkUrl(TOKEN);
    });
    return url;
  } finally {
    env.TARO_ENV = saved.env;
    env.TARO_APP_H5_URL = saved.h5;
    if (saved.env === undefined) delete env.TARO_ENV;
    if (saved.h5 === undefined) delete env.TARO_APP_H5_URL;
  }
}

it.each(['weapp', 'qywx'])('a %s build links to the H5 site named at build time, not the runtime’s location', (env) => {
  expect(urlFor(env)).toBe(`https://zhixiang.example.cn/#/packages/onboarding/guardian-link/index?t=${TOKEN}`);
});

it('the H5 build links to its own origin', () => {
  expect(urlFor(undefined)).toBe(`${window.location.origin}${window.location.pathname}#/packages/onboarding/guardian-link/index?t=${TOKEN}`);
});
