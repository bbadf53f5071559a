import { PictureOutlined } from '@ant-design/icons';
import { useCall } from '../../app/useCall.ts';
import { imageDataUrl } from '../mail/attachment-data.ts';

/**
 * A product image read through the contract (products.image), as mail's inline images are: the
 * web host's token guards it and only a hash is asked for. Thumbnails are small WebPs; each hash
 * is fetched once (its bytes never change).
 */
export function ProductThumb({ sha256, size = 'thumb', px = 40, alt }: { sha256: string | null; size?: 'thumb' | 'full'; px?: number; alt: string }) {
  const image = useCall('products.image', { sha256: sha256 ?? '', size }, { enabled: sha256 !== null, staleTime: Infinity, gcTime: 10 * 60_000 });
  const url = image.data ? imageDataUrl(image.data.mimeType, image.data.base64) : null;
  const box = { width: px, height: px, objectFit: 'contain' as const, borderRadius: 4, background: 'var(--ant-color-fill-quaternary, #fafafa)' };
  if (!url) return <span style={{ ...box, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', color: '#bbb' }}><PictureOutlined /></span>;
  return <img src={url} alt={alt} style={box} data-testid="product-thumb" />;
}
