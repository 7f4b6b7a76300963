import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The server's password policy (≥ 10 characters, letters and digits), checked before sending. */
export function passwordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('password.newRequired') },
    { min: 10, message: t('password.tooShort') },
    { max: 200, message: t('password.tooLong') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (value && !(/[A-Za-z]/.test(value) && /\d/.test(value))) throw new Error(t('password.lettersDigits'));
      },
    },
  ];
}
