import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useLoader } from '../../../lib/hooks/use-loader';
import { imageUrls, postImages } from '../services/community-images.service';
import './community.css';

/**
 * A post's images as a grid; a tap opens the preview. Images still being checked reach only their
 * author and the moderators (RLS), marked “审核中”. Nothing is shown while there are none.
 */
export function ImageGrid({ postId }: { postId: string }) {
  const images = useLoader(async () => {
    const rows = await postImages(postId);
    const urls = await imageUrls(rows.map((r) => r.path));
    return rows.map((r, i) => ({ ...r, url: urls[i] })).filter((r): r is typeof r & { url: string } => Boolean(r.url));
  }, postId);
  const shown = images.data ?? [];
  if (shown.length === 0) return null;
  const urls = shown.map((r) => r.url);
  return (
    <View className='community-image-grid' data-testid='community-post-images'>
      {shown.map((img, i) => (
        <View key={img.path} className='community-image-cell' data-testid='community-post-image' data-status={img.status}>
          <Image className='community-image' src={img.url} mode='aspectFill' aria-label={`图片 ${i + 1}`}
            onClick={() => void Taro.previewImage({ current: img.url, urls })} />
          {img.status !== 'pass' && <Text className='community-image-badge' data-testid='community-image-checking'>审核中</Text>}
        </View>
      ))}
    </View>
  );
}
