/** Choose a jurisdiction from the user's sub-tree (searchable by name or code). */
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { JurisdictionLevel } from '../../../src/modules/org/org.domain.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useJurisdictionTree, type TreeNode } from './jurisdictionTree.ts';

interface Option {
  value: number;
  title: string;
  searchText: string;
  disabled?: boolean;
  children?: Option[];
}

export interface JurisdictionTreeSelectProps {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Only these levels can be chosen (others are shown, greyed, for orientation). */
  selectableLevels?: readonly JurisdictionLevel[];
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
}

export function JurisdictionTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  selectableLevels,
  disabled,
  style,
  id,
  status,
}: JurisdictionTreeSelectProps) {
  const { t } = useI18n();
  const tree = useJurisdictionTree();
  const treeData = useMemo(() => {
    const toOption = (n: TreeNode): Option => ({
      value: n.id,
      title: n.name,
      searchText: `${n.name} ${n.code}`,
      disabled: selectableLevels ? !selectableLevels.includes(n.level) : false,
      children: n.children.length ? n.children.map(toOption) : undefined,
    });
    return tree.data?.roots.map(toOption) ?? [];
  }, [tree.data, selectableLevels]);
  const expanded = useMemo(() => tree.data?.roots.map((r) => r.id) ?? [], [tree.data]);

  return (
    <TreeSelect<number>
      id={id}
      status={status}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder ?? t('filter.jurisdiction')}
      allowClear={allowClear}
      disabled={disabled}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: 'searchText' }}
      treeDefaultExpandedKeys={expanded}
      popupMatchSelectWidth={false}
      notFoundContent={tree.isError ? t('common.loadFailed') : undefined}
    />
  );
}
