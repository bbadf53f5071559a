/**
 * A screen's placeholder while its code loads: antd's active Skeleton, drawn in app.css, so the
 * first screen (which imports this for its Suspense) does not carry the Skeleton's code.
 */
export function PageFallback() {
  return (
    <div className="page" aria-busy="true" data-testid="page-fallback">
      <div className="page-fallback">
        <span className="page-fallback-title" />
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}
