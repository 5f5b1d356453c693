/** The product mark: 联 in a red seal, with the name beside it. */
import { useI18n } from '../i18n/I18nProvider.tsx';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        borderRadius: size / 5,
        background: '#a8071a',
        color: '#fff',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 700,
        fontSize: size * 0.56,
        flex: 'none',
        boxShadow: 'inset 0 0 0 2px rgba(255,255,255,0.18)',
      }}
    >
      联
    </span>
  );
}

export function Brand({ collapsed, dark }: { collapsed?: boolean; dark?: boolean }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
      <BrandMark />
      {!collapsed && (
        <div style={{ lineHeight: 1.2, minWidth: 0 }}>
          <div style={{ fontSize: 17, fontWeight: 600, color: dark ? '#fff' : undefined, letterSpacing: 1 }}>
            {t('app.name')}
          </div>
          <div
            title={t('app.subtitle')}
            style={{
              fontSize: 12,
              color: dark ? 'rgba(255,255,255,0.65)' : 'rgba(0,0,0,0.45)',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              maxWidth: 150,
            }}
          >
            {t('app.subtitle')}
          </div>
        </div>
      )}
    </div>
  );
}
