import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { saveCanvasImage } from '../../../platform/canvas-image';
import { Button } from '../../../ui/button';
import { CERTIFICATE_SIZE, drawCertificate } from '../lib/certificate-image';
import { certificateSvg } from '../services/training.service';
import type { Certificate } from '../services/training.types';
import './training.css';

const shanghaiDay = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

/**
 * SVG text → a base64 data URI every platform's <Image> shows. UTF-8 bytes without TextEncoder or
 * btoa, which the mini-program runtime lacks.
 */
export function svgDataUri(svg: string): string {
  const binary = unescape(encodeURIComponent(svg));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return `data:image/svg+xml;base64,${Taro.arrayBufferToBase64(bytes.buffer)}`;
}

/** 我的证书: each with its serial and verification code; tapping shows the certificate image. */
export function CertificateList({ certificates }: { certificates: Certificate[] }) {
  const [shown, setShown] = useState<{ id: string; uri: string } | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const save = async (c: Certificate) => {
    setError('');
    setSaved('');
    try {
      const how = await saveCanvasImage(`证书-${c.serial}.png`, CERTIFICATE_SIZE.width, CERTIFICATE_SIZE.height, (ctx) => drawCertificate(ctx, c));
      setSaved(how === 'album' ? '证书图片已保存到相册' : '证书图片已下载');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const open = async (id: string) => {
    setError('');
    try {
      setShown({ id, uri: svgDataUri(await certificateSvg(id)) });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  if (certificates.length === 0) return <Text className='tr-empty'>通过考试后，证书会出现在这里</Text>;
  return (
    <View className='tr-list' data-testid='certificates'>
      {error && <Text role='alert'>{error}</Text>}
      {saved && <Text role='status' data-testid='certificate-saved'>{saved}</Text>}
      {certificates.map((c) => (
        <View key={c.id} className='tr-card' role='button' data-testid={`certificate-${c.serial}`} onClick={() => void open(c.id)}>
          <Text className='tr-card__title'>{c.title}</Text>
          <Text className='tr-card__meta'>
            {shanghaiDay(c.issued_at)} · {c.score} 分 · 编号 {c.serial}
          </Text>
          <Text className='tr-card__meta'>验证码 {c.verification_code}</Text>
          {shown?.id === c.id && (
            <>
              <Image className='tr-cert' mode='widthFix' src={shown.uri} aria-label='证书图片' />
              <Button size='small' type='primary' data-testid={`certificate-save-${c.serial}`} onClick={(e) => { e.stopPropagation(); void save(c); }}>
                保存证书图片
              </Button>
            </>
          )}
        </View>
      ))}
    </View>
  );
}
