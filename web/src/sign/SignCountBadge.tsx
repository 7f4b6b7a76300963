import { useEffect, useRef } from 'react';
import { Badge } from 'antd';
import { useApiResource } from '../common/useApiResource.js';
import { useLocation } from '../navigation.js';
import { onAwaitingChanged } from './awaitingChanged.js';
import { AWAITING_PATH, type AwaitingDocument } from './types.js';

/**
 * How many documents wait for the user's signature, beside the menu entry. Re-read on
 * every navigation and after a signature rather than polled: new documents to sign are
 * rare, and the inbox already polls the API every few seconds.
 */
export function SignCountBadge() {
  const { path } = useLocation();
  const awaiting = useApiResource<{ documents: AwaitingDocument[] }>(AWAITING_PATH);
  const { reload } = awaiting;
  const firstPath = useRef(path);
  useEffect(() => {
    // The first load is useApiResource's own; reloading at once would only cancel it.
    if (path !== firstPath.current) {
      firstPath.current = path;
      reload();
    }
  }, [path, reload]);
  useEffect(() => onAwaitingChanged(reload), [reload]);
  const count = awaiting.data?.documents.length ?? 0;
  // The wrapper is always there (antd renders nothing for zero), so the count can be read even when it is 0.
  return (
    <span data-testid="sign-count" data-count={count}>
      <Badge count={count} size="small" offset={[6, -2]} />
    </span>
  );
}
