// Mini-program: download the signed link, then open it in WeChat's viewer with the forward menu
// off, so the file can't be passed on (MODULE-NOTES: openDocument can't be overlaid).
import Taro from '@tarojs/taro';

export async function openDocumentUrl(url: string): Promise<void> {
  const file = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: file.tempFilePath, showMenu: false });
}
