export const CHANNEL_LABELS: Record<string, string> = { weapp: '微信小程序', h5: '网页', qywx: '企业微信' };

export const RELATIONSHIP_LABELS: Record<string, string> = {
  father: '父亲',
  mother: '母亲',
  grandparent: '祖父母/外祖父母',
  other_guardian: '其他监护人',
};
