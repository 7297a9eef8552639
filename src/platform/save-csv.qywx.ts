// WeCom's mini-program runtime writes and shares files as WeChat's does.
export { saveCsv } from './save-csv.weapp';
