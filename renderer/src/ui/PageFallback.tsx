import { Skeleton } from 'antd';

export function PageFallback() {
  return (
    <div className="page">
      <Skeleton active />
    </div>
  );
}
