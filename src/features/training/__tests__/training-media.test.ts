import { checkMediaFile, mediaObjectPath } from '../services/training-media.service';

const MB = 1024 * 1024;

describe('checkMediaFile', () => {
  it('refuses a file of the wrong type in Chinese, before any byte is sent', () => {
    expect(checkMediaFile({ path: 'blob:1', name: '封面.gif', size: 1000 }, 'cover')).toBe('封面仅支持 JPG、PNG 图片');
    expect(checkMediaFile({ path: 'blob:1', name: 'intro.mov', size: 1000 }, 'video')).toBe('视频仅支持 MP4 格式');
    expect(checkMediaFile({ path: 'blob:1', name: 'setup.exe', size: 1000 }, 'document')).toBe('文档仅支持 PDF、Word、Excel、PowerPoint 文件');
  });
  it('refuses a file over the limit and says how large it is', () => {
    expect(checkMediaFile({ path: 'blob:1', name: 'big.png', size: 12 * MB }, 'cover')).toBe('文件不能超过 10 MB，当前 12.0 MB');
    expect(checkMediaFile({ path: 'blob:1', name: 'long.mp4', size: 501 * MB }, 'video')).toContain('500 MB');
  });
  it('accepts the supported types, whatever the case of the extension', () => {
    expect(checkMediaFile({ path: 'blob:1', name: 'Cover.JPEG', size: MB }, 'cover')).toBeNull();
    expect(checkMediaFile({ path: 'blob:1', name: '制度.docx', size: MB }, 'document')).toBeNull();
    expect(checkMediaFile({ path: 'blob:1', name: '课件.pptx', size: MB }, 'document')).toBeNull();
    expect(checkMediaFile({ path: 'blob:1', name: 'a.mp4', size: 400 * MB }, 'video')).toBeNull();
  });
  it('lesson images: JPG, PNG, GIF and WebP up to 10 MB; anything else is refused in Chinese', () => {
    for (const name of ['a.jpg', 'b.JPEG', 'c.png', 'd.gif', 'e.webp']) expect([name, checkMediaFile({ path: 'blob:1', name, size: MB }, 'image')]).toEqual([name, null]);
    expect(checkMediaFile({ path: 'blob:1', name: 'scan.bmp', size: MB }, 'image')).toBe('图片仅支持 JPG、PNG、GIF、WebP 格式');
    expect(checkMediaFile({ path: 'blob:1', name: 'big.gif', size: 11 * MB }, 'image')).toBe('文件不能超过 10 MB，当前 11.0 MB');
  });
  it('refuses an empty file', () => {
    expect(checkMediaFile({ path: 'blob:1', name: 'a.pdf', size: 0 }, 'document')).toBe('文件是空的，请重新选择');
  });
});

describe('mediaObjectPath', () => {
  it('puts the object in the enterprise folder with an ASCII name, whatever the file was called', () => {
    expect(mediaObjectPath('e-1', 'video', '安全 培训(终版).MP4', 1700000000000, 0.123456)).toMatch(/^e-1\/videos\/1700000000000-[a-z0-9]+\.mp4$/);
    expect(mediaObjectPath('e-1', 'cover', 'x.jpeg', 1, 0.5)).toMatch(/^e-1\/covers\/1-[a-z0-9]+\.jpg$/);
    expect(mediaObjectPath('e-1', 'image', '流程图.WebP', 1, 0.5)).toMatch(/^e-1\/images\/1-[a-z0-9]+\.webp$/);
  });
});
