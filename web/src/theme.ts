/** The console's look: a restrained government palette (deep blue for action, red reserved for the mark and danger). */
import type { ThemeConfig } from 'antd';

export const BRAND_RED = '#a8071a';
export const BRAND_BLUE = '#1f4e8c';

export const appTheme: ThemeConfig = {
  cssVar: { key: 'liaison' },
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorError: '#c0262d',
    colorSuccess: '#2e7d32',
    colorWarning: '#c77700',
    // antd derives the light tints from the seed colour; for a deep blue they come out grey, so set them.
    colorPrimaryBg: '#e8f0fa',
    colorPrimaryBgHover: '#d4e3f5',
    colorPrimaryBorder: '#a9c3e6',
    colorPrimaryBorderHover: '#7fa6d8',
    colorInfoBg: '#eef4fb',
    colorInfoBorder: '#c3d6ee',
    controlItemBgActive: '#e8f0fa',
    controlItemBgActiveHover: '#d4e3f5',
    colorSuccessBg: '#edf7ee',
    colorSuccessBorder: '#b7dfb9',
    borderRadius: 4,
    colorBgLayout: '#f3f5f8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2744', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#0f2744', darkSubMenuItemBg: '#0b1f38', darkItemSelectedBg: BRAND_BLUE },
    Table: { headerBg: '#f5f7fa', headerColor: 'rgba(0,0,0,0.75)' },
    Card: { headerFontSize: 15 },
  },
};
