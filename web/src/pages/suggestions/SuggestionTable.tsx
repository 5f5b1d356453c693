/** The cases of a list: a table on a desk, a card per case on a phone. */
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Card, Checkbox, Pagination, Space, Spin, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { PERIOD_LABELS } from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import type { SuggestionListItem } from '../../api/types.ts';
import { useCategoryName } from '../../components/congresses.tsx';
import {
  EvaluationTag,
  KeyTag,
  KindTag,
  ReplyClassTag,
  SuggestionDueCell,
  SuggestionStatusTag,
} from '../../components/suggestionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { caseLink } from './views.ts';

export type SuggestionColumn = 'units' | 'due' | 'rating';

export interface Selection {
  keys: number[];
  onChange: (keys: number[], rows: SuggestionListItem[]) => void;
  selectable: (item: SuggestionListItem) => boolean;
}

/** 第12号, or what stands in for it before registration. */
function CaseNo({ s }: { s: SuggestionListItem }) {
  const { t } = useI18n();
  return s.caseLabel ? (
    <span className="case-no">{s.caseLabel}</span>
  ) : (
    <Typography.Text type="secondary">
      {s.status === 'DRAFT' ? t('sug.draft') : t('sug.noCaseNo')}
    </Typography.Text>
  );
}

function Session({ s }: { s: SuggestionListItem }) {
  const { t, label } = useI18n();
  return (
    <>
      {t('sug.yearN', { n: s.year })} · {label(PERIOD_LABELS[s.period])}
      {s.sessionNumber ? ` ${t('sug.sessionN', { n: s.sessionNumber })}` : ''}
    </>
  );
}

function Units({ s }: { s: SuggestionListItem }) {
  const { t } = useI18n();
  if (!s.leadUnit) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ lineHeight: 1.4 }}>
      <div>{s.leadUnit.name}</div>
      {s.coUnits.length > 0 && (
        <Tooltip title={s.coUnits.map((u) => u.name).join('、')}>
          <span className="cell-sub">{t('sug.coUnitsN', { n: s.coUnits.length })}</span>
        </Tooltip>
      )}
    </div>
  );
}

export function SuggestionTable({
  items,
  loading,
  pagination,
  selection,
  phone,
  rowActions,
  actionsWidth = 160,
  hide = [],
}: {
  items: SuggestionListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  selection?: Selection;
  phone: boolean;
  /** Buttons for a row (e.g. 附议 / 谢绝 in the invitations tab). */
  rowActions?: (item: SuggestionListItem) => ReactNode;
  actionsWidth?: number;
  /** Columns that say nothing in this list (no unit or deadline before assignment). */
  hide?: readonly SuggestionColumn[];
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const categoryName = useCategoryName();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (phone)
    return (
      <SuggestionCards
        items={items}
        loading={loading}
        pagination={pagination}
        selection={selection}
        rowActions={rowActions}
      />
    );

  const link = (s: SuggestionListItem) => caseLink(s, user?.representativeId);
  const columns: TableColumnsType<SuggestionListItem> = [
    {
      title: t('sug.caseNo'),
      key: 'case',
      width: 100,
      fixed: 'left',
      render: (_: unknown, s) => (
        <div style={{ lineHeight: 1.5 }}>
          <Link to={link(s)} state={{ from }}>
            <CaseNo s={s} />
          </Link>
          {s.kind === 'motion' && (
            <div style={{ marginTop: 2 }}>
              <KindTag kind={s.kind} />
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('sug.title'),
      dataIndex: 'title',
      render: (title: string, s) => (
        <div>
          <Link to={link(s)} state={{ from }} style={{ color: 'inherit' }}>
            <Typography.Paragraph
              ellipsis={{ rows: 2, tooltip: title }}
              style={{ margin: 0, fontWeight: 500 }}
            >
              {title || <Typography.Text type="secondary">{t('sug.untitled')}</Typography.Text>}
            </Typography.Paragraph>
          </Link>
          <span className="cell-sub">
            {s.lead.name}
            {s.cosignerCount > 0 && ` ${t('sug.andCosigners', { n: s.cosignerCount })}`}
            {' · '}
            <Session s={s} />
          </span>
        </div>
      ),
    },
    {
      title: t('sug.category'),
      dataIndex: 'categoryCode',
      width: 124,
      render: (c: string | null) =>
        c ? categoryName(c) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('sug.status'),
      key: 'status',
      width: 128,
      render: (_: unknown, s) => (
        <Space size={4} wrap>
          <SuggestionStatusTag status={s.status} />
          {s.keySupervision && <KeyTag />}
          {s.replyClass && <ReplyClassTag replyClass={s.replyClass} />}
        </Space>
      ),
    },
    ...(hide.includes('units')
      ? []
      : [
          {
            title: t('sug.units'),
            key: 'units',
            width: 180,
            render: (_: unknown, s: SuggestionListItem) => <Units s={s} />,
          },
        ]),
    ...(hide.includes('due')
      ? []
      : [
          {
            title: t('sug.replyDue'),
            key: 'due',
            width: 150,
            render: (_: unknown, s: SuggestionListItem) => (
              <SuggestionDueCell deadlines={s.deadlines} status={s.status} />
            ),
          },
        ]),
    ...(hide.includes('rating')
      ? []
      : [
          {
            title: t('sug.evaluation'),
            key: 'rating',
            width: 96,
            render: (_: unknown, s: SuggestionListItem) => <EvaluationTag rating={s.resultRating} />,
          },
        ]),
    ...(rowActions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: actionsWidth,
            fixed: 'right' as const,
            render: (_: unknown, s: SuggestionListItem) => rowActions(s),
          },
        ]
      : []),
  ];

  return (
    <Table<SuggestionListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1080 - hide.length * 140 }}
      pagination={pagination}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          preserveSelectedRowKeys: true,
          onChange: (keys, rows) => selection.onChange(keys as number[], rows),
          getCheckboxProps: (s) => ({ disabled: !selection.selectable(s) }),
        }
      }
    />
  );
}

function SuggestionCards({
  items,
  loading,
  pagination,
  selection,
  rowActions,
}: {
  items: SuggestionListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  selection?: Selection;
  rowActions?: (item: SuggestionListItem) => ReactNode;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const categoryName = useCategoryName();
  const list = items ?? [];
  const from = location.pathname + location.search;
  return (
    <Spin spinning={loading}>
      {list.length === 0 && !loading && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24 }}>
          {t('common.empty')}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {list.map((s) => {
          const selected = selection?.keys.includes(s.id) ?? false;
          const actions = rowActions?.(s);
          return (
            <Card
              key={s.id}
              size="small"
              hoverable
              className="opinion-card"
              onClick={() => void navigate(caseLink(s, user?.representativeId), { state: { from } })}
              style={{ borderColor: selected ? '#7fa6d8' : undefined }}
            >
              <div
                style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 6, flexWrap: 'wrap' }}
              >
                {selection && selection.selectable(s) && (
                  <span onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      checked={selected}
                      aria-label={s.title}
                      onChange={(e) => {
                        const keys = e.target.checked
                          ? [...selection.keys, s.id]
                          : selection.keys.filter((k) => k !== s.id);
                        selection.onChange(
                          keys,
                          list.filter((x) => keys.includes(x.id)),
                        );
                      }}
                    />
                  </span>
                )}
                <CaseNo s={s} />
                <KindTag kind={s.kind} quiet />
                <span style={{ flex: 1 }} />
                {s.keySupervision && <KeyTag />}
                <SuggestionStatusTag status={s.status} />
              </div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 6, fontWeight: 500 }}>
                {s.title || t('sug.untitled')}
              </Typography.Paragraph>
              <div className="opinion-card-meta">
                <div>
                  {s.lead.name}
                  {s.cosignerCount > 0 && ` ${t('sug.andCosigners', { n: s.cosignerCount })}`}
                  {s.categoryCode && ` · ${categoryName(s.categoryCode)}`}
                </div>
                <div>
                  <Session s={s} />
                </div>
                {s.leadUnit && (
                  <div>
                    {t('sug.leadUnit')}：{s.leadUnit.name}
                    {s.coUnits.length > 0 && ` · ${t('sug.coUnitsN', { n: s.coUnits.length })}`}
                  </div>
                )}
                {(s.deadlines.replyDue || s.replyClass || s.resultRating) && (
                  <div className="opinion-card-due">
                    {s.deadlines.replyDue && (
                      <>
                        <span>{t('sug.replyDue')}：</span>
                        <SuggestionDueCell deadlines={s.deadlines} status={s.status} />
                      </>
                    )}
                    {s.replyClass && <ReplyClassTag replyClass={s.replyClass} />}
                    {s.resultRating && <EvaluationTag rating={s.resultRating} />}
                  </div>
                )}
              </div>
              {actions && (
                <div
                  onClick={(e) => e.stopPropagation()}
                  style={{ marginTop: 10, display: 'flex', gap: 8, justifyContent: 'flex-end' }}
                >
                  {actions}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      {(pagination.total ?? 0) > 0 && (
        <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
          <Pagination
            size="small"
            simple
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={pagination.onChange}
            showTotal={pagination.showTotal}
          />
        </div>
      )}
    </Spin>
  );
}
