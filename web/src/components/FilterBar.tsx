/**
 * A list's filters in a responsive grid. On a phone only the main ones (search) show, and the rest
 * open with a "筛选" button that tells how many are in use.
 */
import { useState, type ReactNode } from 'react';
import { Badge, Button, Grid } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function FilterBar({
  children,
  more,
  activeCount = 0,
}: {
  children: ReactNode;
  more?: ReactNode;
  activeCount?: number;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const phone = screens.sm === false;
  return (
    <div className="filter-bar">
      {children}
      {more && phone && (
        <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t('filter.more')} {activeCount > 0 && <Badge count={activeCount} size="small" color="#1f4e8c" />}
        </Button>
      )}
      {more && (!phone || open) && more}
    </div>
  );
}
