import Taro from '@tarojs/taro';
import { createStringStorage, type StringStorage } from '../supabase/taro-storage';

/** Taro storage (wx storage on mini-programs, localStorage on H5) as getItem/setItem/removeItem. */
export const taroStringStorage: StringStorage = createStringStorage({
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, value) => Taro.setStorageSync(key, value),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
});
