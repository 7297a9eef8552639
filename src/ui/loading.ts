import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';

export { Loading } from '@nutui/nutui-react-taro';
