import { App, Modal } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t('header.changePassword')} footer={null} onCancel={onClose} destroyOnHidden>
      <ChangePasswordForm
        onCancel={onClose}
        onDone={() => {
          void message.success(t('password.changed'));
          onClose();
        }}
      />
    </Modal>
  );
}
