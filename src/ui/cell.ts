// NutUI per-component imports: Cell and CellGroup plus only their own CSS (not dist/style.css).
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import './cell.css';

export { Cell, CellGroup } from '@nutui/nutui-react-taro';
export type { CellProps } from '@nutui/nutui-react-taro';
