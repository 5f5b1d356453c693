/** A dry-run or refused commit: the numbers, and every error by row and column. */
import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ImportReport } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type ImportError = ImportReport['errors'][number];

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, label } = useI18n();
  return (
    <div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.file')}
            value={report.fileName}
            styles={{ content: { fontSize: 15, wordBreak: 'break-all' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('import.totalRows')} value={report.totalRows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.validRows')}
            value={report.validRows}
            styles={{ content: { color: '#2e7d32' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.errorCount')}
            value={report.errorCount}
            styles={{ content: { color: report.errorCount ? '#c0262d' : undefined } }}
          />
        </Col>
      </Row>
      {report.truncated && (
        <Alert
          type="warning"
          showIcon
          title={t('import.truncated', { n: report.errors.length })}
          style={{ marginBottom: 12 }}
        />
      )}
      {report.errorCount > 0 ? (
        <Table<ImportError>
          rowKey={(e) => `${e.row}-${e.column}-${label(e.message)}`}
          size="small"
          dataSource={report.errors}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.column'), dataIndex: 'column', width: 140 },
            {
              title: t('import.value'),
              dataIndex: 'value',
              width: 200,
              render: (v: unknown) =>
                v === null || v === undefined || v === '' ? (
                  <Typography.Text type="secondary">{t('import.emptyValue')}</Typography.Text>
                ) : (
                  <Typography.Text code>{String(v)}</Typography.Text>
                ),
            },
            {
              title: t('import.reason'),
              dataIndex: 'message',
              render: (m: ImportError['message']) => (
                <Typography.Text type="danger">{label(m)}</Typography.Text>
              ),
            },
          ]}
        />
      ) : (
        <Alert type="success" showIcon title={t('import.noErrors', { n: report.validRows })} />
      )}
    </div>
  );
}
