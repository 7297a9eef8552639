// WAI-ARIA roles are valid on Taro components (H5 renders them as HTML attributes, WeChat
// supports `aria-role`/`role` for screen readers), but Taro's types only list aria-* props.
export {};

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    role?: string;
  }
}
