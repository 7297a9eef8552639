/** WeCom, as WeChat (tab-bar-slot.weapp.tsx): src/custom-tab-bar draws the bar. */
export function TabBarSlot() {
  return null;
}
