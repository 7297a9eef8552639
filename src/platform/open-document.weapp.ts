// Mini-program: download the signed link (or a function's answer, with its headers), then open it in
// WeChat's viewer with the forward menu off, so the file can't be passed on (MODULE-NOTES:
// openDocument can't be overlaid).
import Taro from '@tarojs/taro';

export async function openDocumentUrl(url: string, headers?: Record<string, string>): Promise<void> {
  const file = await Taro.downloadFile({ url, header: headers });
  if (file.statusCode !== 200) throw new Error(file.statusCode === 403 ? '你没有下载权限' : '文件打开失败，请稍后重试');
  await Taro.openDocument({ filePath: file.tempFilePath, showMenu: false });
}
