// Mini-programs: the icons app.json's tabBar lists are copied into the package as they are
// (assets/tabbar); the custom tab bar shows those same files.
export const tabIcon = (icon: string, active: boolean): string => `/assets/tabbar/${icon}${active ? '-active' : ''}.png`;
