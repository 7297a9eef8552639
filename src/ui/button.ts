// NutUI per-component imports: the component plus only its own CSS (not the 233 KB dist/style.css).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export { Button } from '@nutui/nutui-react-taro';
export type { ButtonProps } from '@nutui/nutui-react-taro';
