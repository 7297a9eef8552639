/**
 * Mini-programs: src/custom-tab-bar draws the bar in the tabBar area WeChat keeps below every tab
 * page, so the page itself draws nothing.
 */
export function TabBarSlot() {
  return null;
}
