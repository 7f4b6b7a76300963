import type { ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, StopFilled } from '@ant-design/icons';
import type { SignerStatus, VerificationStatus } from './types.js';

export interface StatusLook {
  /** antd Alert type: decides the banner's colours. */
  alert: 'success' | 'error' | 'warning';
  /** antd Tag colour for the same meaning in tables. */
  tag: string;
  icon: ReactNode;
}

/**
 * One look per outcome, so the page and the signers table agree. Revoked gets its own icon
 * rather than the generic cross: the file is intact, the signer's certificate is not.
 */
export const STATUS_LOOK: Record<VerificationStatus, StatusLook> = {
  valid: { alert: 'success', tag: 'success', icon: <CheckCircleFilled /> },
  invalid: { alert: 'error', tag: 'error', icon: <CloseCircleFilled /> },
  revoked: { alert: 'error', tag: 'magenta', icon: <StopFilled /> },
  incomplete: { alert: 'warning', tag: 'warning', icon: <ExclamationCircleFilled /> },
};

export const SIGNER_TAG: Record<SignerStatus, string> = {
  valid: 'success',
  invalid: 'error',
  revoked: 'magenta',
  untrusted: 'error',
};
