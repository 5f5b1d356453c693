/**
 * Idle timeout (等保): after `idleMinutes` without keyboard, mouse or touch activity — in any tab
 * of the console — sign out and return to the log-in page with a notice. A minute before, warn.
 * While the user is active, the server session is kept alive with a light GET /auth/me, so typing
 * a long form does not lose the session on the server.
 */
import { useEffect, useRef, useState } from 'react';
import { Modal } from 'antd';
import { getSession } from '../api/auth.ts';
import { setCsrfToken } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSession } from './SessionProvider.tsx';

const ACTIVITY_KEY = 'liaison.lastActivity';
const EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;
const WARN_BEFORE_MS = 60_000;
const KEEPALIVE_MS = 5 * 60_000;

function readShared(): number {
  try {
    return Number(localStorage.getItem(ACTIVITY_KEY)) || 0;
  } catch {
    return 0;
  }
}

export function IdleWatcher() {
  const { user, idleMinutes, signOut } = useSession();
  const { t } = useI18n();
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    if (!user) return;
    const limit = idleMinutes * 60_000;
    let lastWrite = 0;
    const mark = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastWrite > 5_000) {
        lastWrite = now;
        try {
          localStorage.setItem(ACTIVITY_KEY, String(now));
        } catch {
          // storage unavailable: this tab alone counts
        }
      }
    };
    mark();
    for (const e of EVENTS) window.addEventListener(e, mark, { passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      const last = Math.max(lastActivity.current, readShared());
      const idle = now - last;
      if (idle >= limit) {
        window.clearInterval(timer);
        setRemaining(null);
        void signOut('idle');
        return;
      }
      setRemaining(idle >= limit - WARN_BEFORE_MS ? Math.ceil((limit - idle) / 1000) : null);
      // Active since the last ping and the server has not heard from us for a while: keep it alive.
      if (last > lastPing.current && now - lastPing.current > Math.min(KEEPALIVE_MS, limit / 3)) {
        lastPing.current = now;
        getSession()
          .then((s) => setCsrfToken(s.csrfToken))
          .catch(() => undefined);
      }
    }, 1_000);
    return () => {
      window.clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, mark);
    };
  }, [user, idleMinutes, signOut]);

  return (
    <Modal
      open={remaining !== null}
      title={t('idle.warnTitle')}
      okText={t('idle.stay')}
      cancelText={t('header.signOut')}
      onOk={() => {
        lastActivity.current = Date.now();
        setRemaining(null);
      }}
      onCancel={() => void signOut('signedOut')}
      closable={false}
      mask={{ closable: false }}
    >
      {t('idle.warnText', { s: remaining ?? 0 })}
    </Modal>
  );
}
