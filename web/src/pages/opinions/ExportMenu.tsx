/** Export what the list shows (its filters, all pages) as XLSX or CSV; with contact details only for those allowed, audited. */
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportOpinions } from '../../api/opinions.ts';
import type { OpinionExportQuery } from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

export function ExportMenu({ query }: { query: Omit<OpinionExportQuery, 'format' | 'includeContact'> }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();

  const run = async (format: 'xlsx' | 'csv', includeContact = false) => {
    const hide = message.loading(t('op.exporting'), 0);
    try {
      const name = await exportOpinions({
        ...query,
        format,
        ...(includeContact ? { includeContact: true } : {}),
      });
      void message.success(t('op.exported', { name }));
    } catch (err) {
      report(err);
    } finally {
      hide();
    }
  };

  const items = [
    { key: 'xlsx', label: t('op.exportXlsx') },
    { key: 'csv', label: t('op.exportCsv') },
    ...(can('opinions.export_contact')
      ? [
          { type: 'divider' as const },
          { key: 'xlsx-contact', label: t('op.exportWithContact') },
          { key: 'csv-contact', label: t('op.exportWithContactCsv') },
        ]
      : []),
  ];

  return (
    <Dropdown
      menu={{
        items,
        onClick: ({ key }) => {
          const format = key.startsWith('csv') ? 'csv' : 'xlsx';
          if (key.endsWith('-contact')) {
            modal.confirm({
              title: t('op.exportContactTitle'),
              content: t('op.exportContactText'),
              okText: t('op.exportContactConfirm'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: () => run(format, true),
            });
          } else void run(format);
        },
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('op.export')}</Button>
    </Dropdown>
  );
}
