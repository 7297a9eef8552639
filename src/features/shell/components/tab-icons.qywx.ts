// WeCom: the same package layout as the WeChat build (tab-icons.weapp.ts).
export const tabIcon = (icon: string, active: boolean): string => `/assets/tabbar/${icon}${active ? '-active' : ''}.png`;
