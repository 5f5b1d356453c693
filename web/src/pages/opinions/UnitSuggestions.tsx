/** Units that handle the category where the item is, offered as one-tap choices above the unit picker. */
import { Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface SuggestedUnit {
  id: number;
  name: string;
  jurisdiction?: { name: string };
  /** Levels up the jurisdiction tree from the item (0: the item's own jurisdiction). */
  distance?: number;
}

export function UnitSuggestions({
  units,
  value,
  onPick,
  loading,
}: {
  units: readonly SuggestedUnit[];
  value: number | undefined;
  onPick: (id: number) => void;
  loading?: boolean;
}) {
  const { t } = useI18n();
  if (loading)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('common.loading')}
      </Typography.Text>
    );
  if (units.length === 0)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('op.assign.noSuggestion')}
      </Typography.Text>
    );
  return (
    <Space size={[6, 6]} wrap>
      {units.map((u) => {
        const chosen = u.id === value;
        return (
          <Tag.CheckableTag
            key={u.id}
            checked={chosen}
            onChange={() => onPick(u.id)}
            style={{ border: '1px solid #a9c3e6', paddingBlock: 2 }}
          >
            {chosen && <CheckOutlined style={{ marginInlineEnd: 4 }} />}
            {u.name}
            {u.distance !== undefined && u.distance > 0 && (
              <span style={{ opacity: 0.7, marginInlineStart: 4, fontSize: 12 }}>
                {t('unit.distanceUp', { n: u.distance })}
              </span>
            )}
          </Tag.CheckableTag>
        );
      })}
    </Space>
  );
}
