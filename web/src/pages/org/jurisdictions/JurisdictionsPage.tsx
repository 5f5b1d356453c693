/**
 * The jurisdiction tree with what each node holds; choosing a node makes it the filter of every
 * organisation list. Staff with org.write add children, rename and delete.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Row,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import type { TreeDataNode } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  FilterOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { JURISDICTION_LEVEL_LABELS } from '../../../../../src/modules/org/org.domain.ts';
import { deleteJurisdiction } from '../../../api/jurisdictions.ts';
import { keys } from '../../../api/keys.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import {
  useJurisdictionTree,
  pathNames,
  type TreeNode,
  type Counts,
} from '../../../components/jurisdictionTree.ts';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import {
  childLevelOf,
  JurisdictionFormModal,
  type JurisdictionFormTarget,
} from './JurisdictionFormModal.tsx';
import type { StringKey } from '../../../i18n/strings.ts';

const COUNT_LINKS: { key: keyof Counts; label: StringKey; to: string }[] = [
  { key: 'representatives', label: 'nav.representatives', to: '/org/representatives' },
  { key: 'stations', label: 'nav.stations', to: '/org/stations' },
  { key: 'grids', label: 'nav.grids', to: '/org/grids' },
  { key: 'units', label: 'nav.units', to: '/org/units' },
];

export function JurisdictionsPage() {
  const { t, label } = useI18n();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const tree = useJurisdictionTree();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const [formTarget, setFormTarget] = useState<JurisdictionFormTarget | null>(null);
  const writable = can('org.write');

  const selected = jurisdictionId !== undefined ? tree.data?.byId.get(jurisdictionId) : undefined;

  const { treeData, matchedKeys } = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matched: number[] = [];
    const toNode = (n: TreeNode): TreeDataNode | null => {
      const children = n.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      const hit = !needle || n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle);
      if (needle && hit) matched.push(n.id);
      if (!hit && children.length === 0) return null;
      return {
        key: n.id,
        title: (
          <span>
            {n.name}
            <Tooltip
              title={COUNT_LINKS.map((c) => `${t(c.label)} ${n.total[c.key]}`).join(' · ')}
              placement="right"
            >
              <span className="tree-count">{t('jur.repCount', { n: n.total.representatives })}</span>
            </Tooltip>
          </span>
        ),
        children: children.length ? children : undefined,
      };
    };
    const data = (tree.data?.roots ?? []).map(toNode).filter((c): c is TreeDataNode => c !== null);
    return { treeData: data, matchedKeys: matched };
  }, [tree.data, search, t]);

  const defaultExpanded = useMemo(() => {
    const out: number[] = [];
    const walk = (n: TreeNode) => {
      if (n.depth < 1) {
        out.push(n.id);
        n.children.forEach(walk);
      }
    };
    tree.data?.roots.forEach(walk);
    return out;
  }, [tree.data]);

  const expandedKeys = search.trim() ? undefined : (expanded ?? defaultExpanded);

  const confirmDelete = (node: TreeNode) => {
    modal.confirm({
      title: t('jur.deleteTitle', { name: node.name }),
      content: t('jur.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteJurisdiction(node.id);
          if (jurisdictionId === node.id) setJurisdictionId(node.parentId ?? undefined);
          await qc.invalidateQueries({ queryKey: keys.jurisdictions });
          void message.success(t('common.deleted'));
        } catch (err) {
          report(err);
        }
      },
    });
  };

  const goTo = (to: string) => {
    void navigate(to);
  };

  return (
    <div>
      <PageHeader
        title={t('nav.jurisdictions')}
        subtitle={t('jur.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void tree.refetch()} loading={tree.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card variant="borderless" styles={{ body: { padding: 12 } }}>
            <Input.Search
              allowClear
              placeholder={t('jur.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {tree.isError ? (
              <QueryError error={tree.error} onRetry={() => void tree.refetch()} compact />
            ) : tree.isPending ? (
              <Card loading variant="borderless" />
            ) : treeData.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={search ? t('common.noMatch') : t('common.empty')}
              />
            ) : (
              <Tree
                blockNode
                showLine
                treeData={treeData}
                selectedKeys={jurisdictionId !== undefined ? [jurisdictionId] : []}
                expandedKeys={
                  expandedKeys ?? [
                    ...new Set([...matchedKeys, ...collectAncestors(tree.data?.byId, matchedKeys)]),
                  ]
                }
                onExpand={(keysNow) => setExpanded(keysNow)}
                onSelect={(keysNow) =>
                  setJurisdictionId(keysNow[0] !== undefined ? Number(keysNow[0]) : undefined)
                }
                style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {!selected ? (
            <Card variant="borderless">
              <Empty description={t('jur.pickHint')} />
            </Card>
          ) : (
            <Card
              variant="borderless"
              title={
                <Space wrap>
                  <span>{selected.name}</span>
                  <Tag>{label(JURISDICTION_LEVEL_LABELS[selected.level])}</Tag>
                </Space>
              }
              extra={
                writable && (
                  <Space wrap>
                    {childLevelOf(selected.level) && (
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() =>
                          setFormTarget({
                            mode: 'create',
                            parent: { id: selected.id, name: selected.name, level: selected.level },
                          })
                        }
                      >
                        {t('jur.addChild')}
                      </Button>
                    )}
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setFormTarget({ mode: 'edit', id: selected.id })}
                    >
                      {t('jur.rename')}
                    </Button>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      disabled={selected.children.length > 0}
                      onClick={() => confirmDelete(selected)}
                    >
                      {t('common.delete')}
                    </Button>
                  </Space>
                )
              }
            >
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'code', label: t('jur.code'), children: selected.code },
                  {
                    key: 'level',
                    label: t('jur.level'),
                    children: label(JURISDICTION_LEVEL_LABELS[selected.level]),
                  },
                  {
                    key: 'path',
                    label: t('jur.path'),
                    span: 2,
                    children: pathNames(tree.data, selected.id).join(' / '),
                  },
                  { key: 'children', label: t('jur.children'), children: selected.children.length },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('jur.holds')}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {COUNT_LINKS.map((c) => (
                  <Col xs={12} md={6} key={c.key}>
                    <Card size="small" hoverable onClick={() => goTo(c.to)}>
                      <Statistic title={t(c.label)} value={selected.total[c.key]} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('jur.direct', { n: selected.counts[c.key] })}
                      </Typography.Text>
                    </Card>
                  </Col>
                ))}
              </Row>
              <div style={{ marginTop: 16, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                <FilterOutlined style={{ color: '#1f4e8c' }} />
                <Typography.Text type="secondary">
                  {t('jur.filterNote', { name: selected.name })}
                </Typography.Text>
                <Button size="small" type="link" onClick={() => setJurisdictionId(undefined)}>
                  {t('jur.clearFilter')}
                </Button>
              </div>
            </Card>
          )}
        </Col>
      </Row>
      <JurisdictionFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(j) => {
          setFormTarget(null);
          setJurisdictionId(j.id);
          if (j.parentId !== null)
            setExpanded((prev) => [...new Set([...(prev ?? defaultExpanded), j.parentId!])]);
        }}
      />
    </div>
  );
}

function collectAncestors(byId: Map<number, TreeNode> | undefined, ids: number[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    let node = byId?.get(id);
    while (node && node.parentId !== null) {
      out.push(node.parentId);
      node = byId?.get(node.parentId);
    }
  }
  return out;
}
