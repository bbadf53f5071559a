import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Divider, Input, Modal, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { translateError, toAppError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { imageDataUrl } from '../mail/attachment-data.ts';
import { ProductThumb } from './ProductThumb.tsx';

type Product = CallOutput<'products.get'>;

/**
 * A product's images: added by the desktop app's file dialog, or in the web host (which has
 * none) by typing the file's full path; removed, and moved forward (the first is the thumbnail).
 */
export function ProductImages({ product }: { product: Product }) {
  const { t } = useTranslation();
  const info = useCall('app.getInfo', {});
  const pick = useMutationCall('app.pickFolder');
  const add = useMutationCall('products.addImage');
  const remove = useMutationCall('products.removeImage');
  const reorder = useMutationCall('products.reorderImages');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Product['images'][number] | null>(null);
  const picker = info.data?.host === 'electron';
  const shas = product.images.map((i) => i.sha256);

  async function addPath(path: string): Promise<void> {
    setError(null);
    try {
      await add.mutateAsync({ productId: product.id, path });
      setTyped('');
    } catch (err) {
      setError(translateError(t, toAppError(err)));
    }
  }

  async function choose(): Promise<void> {
    const chosen = await pick.mutateAsync({ purpose: 'productImageFile' });
    if (chosen.path) await addPath(chosen.path);
  }

  const moveForward = (i: number) => {
    const order = [...shas];
    [order[i - 1], order[i]] = [order[i]!, order[i - 1]!];
    void reorder.mutateAsync({ productId: product.id, sha256s: order });
  };

  return (
    <div data-testid="product-images">
      <Divider titlePlacement="start" plain>{t('products.images.title')}</Divider>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        {product.images.map((image, i) => (
          <div key={image.sha256} style={{ textAlign: 'center' }} data-testid="product-image">
            <button type="button" className="plain-button" onClick={() => setViewing(image)} style={{ border: 0, padding: 0, background: 'none', cursor: 'zoom-in' }} aria-label={image.fileName}>
              <ProductThumb sha256={image.sha256} px={96} alt={image.fileName} />
            </button>
            <div>
              <Tooltip title={t('products.images.moveForward')}>
                <Button size="small" type="text" icon={<ArrowLeftOutlined />} disabled={i === 0} onClick={() => moveForward(i)} aria-label={t('products.images.moveForward')} />
              </Tooltip>
              <Tooltip title={t('products.images.remove')}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => void remove.mutateAsync({ productId: product.id, sha256: image.sha256 })} aria-label={t('products.images.remove')} data-testid="product-image-remove" />
              </Tooltip>
            </div>
          </div>
        ))}
        {product.images.length === 0 && <Typography.Text type="secondary">{t('products.images.none')}</Typography.Text>}
      </Space>
      {picker ? (
        <Button onClick={() => void choose()} loading={add.isPending} data-testid="product-image-choose">{t('products.images.choose')}</Button>
      ) : (
        <Space.Compact style={{ width: '100%' }}>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('products.images.pathPlaceholder')} onPressEnter={() => typed.trim() && void addPath(typed.trim())} data-testid="product-image-path" />
          <Button onClick={() => void addPath(typed.trim())} disabled={!typed.trim()} loading={add.isPending} data-testid="product-image-add">{t('products.images.add')}</Button>
        </Space.Compact>
      )}
      {error && <Typography.Text type="danger" data-testid="product-image-error">{error}</Typography.Text>}
      {viewing && <FullImage image={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

/** The image as it was added, read only when asked for (a photo may be megabytes). */
function FullImage({ image, onClose }: { image: Product['images'][number]; onClose(): void }) {
  const full = useCall('products.image', { sha256: image.sha256, size: 'full' }, { staleTime: Infinity, gcTime: 60_000 });
  const url = full.data ? imageDataUrl(full.data.mimeType, full.data.base64) : null;
  const size = image.width && image.height ? ` · ${image.width}×${image.height}` : '';
  return (
    <Modal open onCancel={onClose} footer={null} width={900} title={`${image.fileName}${size}`} data-testid="product-image-full">
      {url ? <img src={url} alt={image.fileName} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} /> : <Spin />}
    </Modal>
  );
}
