/**
 * 批量导入: choose what to import → get the template → upload → dry-run report → commit (only when
 * the file is clean) → result. Nothing is written until the commit, and a commit is all or nothing.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Result, Row, Space, Steps, Typography, Upload } from 'antd';
import {
  BankOutlined,
  BorderOuterOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  HomeOutlined,
  InboxOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { downloadImportTemplate, runImport } from '../../api/imports.ts';
import { keys } from '../../api/keys.ts';
import type { ImportKind, ImportReport } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { ImportReportView } from './ImportReportView.tsx';

/** Every import kind the server offers (a Record, so a new kind fails to compile until it is listed here). */
const KIND_INFO: Record<
  ImportKind,
  { title: StringKey; text: StringKey; icon: React.ReactNode; list: string }
> = {
  representatives: {
    title: 'nav.representatives',
    text: 'import.kindReps',
    icon: <UserOutlined />,
    list: '/org/representatives',
  },
  stations: {
    title: 'nav.stations',
    text: 'import.kindStations',
    icon: <HomeOutlined />,
    list: '/org/stations',
  },
  units: { title: 'nav.units', text: 'import.kindUnits', icon: <BankOutlined />, list: '/org/units' },
  grids: { title: 'nav.grids', text: 'import.kindGrids', icon: <BorderOuterOutlined />, list: '/org/grids' },
};
const KINDS = (Object.keys(KIND_INFO) as ImportKind[]).map((kind) => ({ kind, ...KIND_INFO[kind] }));

export function ImportWizardPage() {
  const { t } = useI18n();
  const report = useReportError();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | 'template' | null>(null);

  const step = committed ? 3 : dryRun ? 2 : kind ? 1 : 0;
  const kindInfo = KINDS.find((k) => k.kind === kind);

  const restart = () => {
    setKind(null);
    setFile(null);
    setDryRun(null);
    setCommitted(null);
  };

  const check = async (f: File) => {
    if (!kind) return;
    setBusy('check');
    try {
      setDryRun(await runImport(kind, 'dry-run', f));
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!kind || !file) return;
    setBusy('commit');
    try {
      const result = await runImport(kind, 'commit', file);
      setCommitted(result);
      await qc.invalidateQueries({ queryKey: [kind] });
      void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
    } catch (err) {
      // The file changed between the check and the commit: show the new report.
      const again = isApiError(err) ? (err.problem.report as ImportReport | undefined) : undefined;
      if (again) setDryRun(again);
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const template = async (format: 'xlsx' | 'csv') => {
    if (!kind) return;
    setBusy('template');
    try {
      await downloadImportTemplate(kind, format);
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const canCommit = !!dryRun && dryRun.errorCount === 0 && dryRun.validRows > 0;

  return (
    <div>
      <PageHeader title={t('nav.imports')} subtitle={t('import.subtitle')} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          size="small"
          responsive
          items={[
            { title: t('import.step1'), content: kindInfo ? t(kindInfo.title) : undefined },
            { title: t('import.step2'), content: file?.name },
            { title: t('import.step3') },
            { title: t('import.step4') },
          ]}
        />
      </Card>

      {step === 0 && (
        <Row gutter={[16, 16]}>
          {KINDS.map((k) => (
            <Col xs={24} sm={12} lg={6} key={k.kind}>
              <Card hoverable variant="borderless" onClick={() => setKind(k.kind)} style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 26, color: '#1f4e8c' }}>{k.icon}</span>}
                  title={t(k.title)}
                  description={t(k.text)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}

      {step === 1 && kindInfo && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card variant="borderless" title={t('import.templateTitle')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('import.templateText')}</Typography.Paragraph>
              <Space wrap>
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === 'template'}
                  onClick={() => void template('xlsx')}
                >
                  {t('import.templateXlsx')}
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => void template('csv')}>
                  {t('import.templateCsv')}
                </Button>
              </Space>
              <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('import.rules')} />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card variant="borderless" title={t('import.uploadTitle', { kind: t(kindInfo.title) })}>
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                maxCount={1}
                showUploadList={false}
                disabled={busy === 'check'}
                beforeUpload={(f) => {
                  // The size limit is the server's (configurable): a file too large comes back as a 413 with its message.
                  setFile(f);
                  void check(f);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">
                  {busy === 'check' ? t('import.checking') : t('import.dropHere')}
                </p>
                <p className="ant-upload-hint">{t('import.dropHint')}</p>
              </Upload.Dragger>
              <div style={{ marginTop: 16 }}>
                <Button onClick={restart}>{t('import.chooseOther')}</Button>
              </div>
            </Card>
          </Col>
        </Row>
      )}

      {step === 2 && dryRun && (
        <Card
          variant="borderless"
          title={t('import.reportTitle')}
          extra={
            <Space wrap>
              <Button
                onClick={() => {
                  setDryRun(null);
                  setFile(null);
                }}
              >
                {t('import.uploadAgain')}
              </Button>
              <Button
                type="primary"
                disabled={!canCommit}
                loading={busy === 'commit'}
                onClick={() => void commit()}
                icon={<CheckCircleOutlined />}
              >
                {t('import.commit', { n: dryRun.validRows })}
              </Button>
            </Space>
          }
        >
          {!canCommit && dryRun.errorCount > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('import.fixFirst')} />
          )}
          <ImportReportView report={dryRun} />
        </Card>
      )}

      {step === 3 && committed && kindInfo && (
        <Card variant="borderless">
          <Result
            status="success"
            title={t('import.doneTitle')}
            subTitle={t('import.doneText', { n: committed.created, file: committed.fileName })}
            extra={[
              <Link to={kindInfo.list} key="list">
                <Button type="primary">{t('import.viewList', { kind: t(kindInfo.title) })}</Button>
              </Link>,
              <Button key="again" onClick={restart}>
                {t('import.another')}
              </Button>,
            ]}
          />
        </Card>
      )}
    </div>
  );
}
