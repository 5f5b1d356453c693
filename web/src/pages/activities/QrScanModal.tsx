/**
 * Scan an activity's check-in code with the phone's camera, where the browser can read QR codes
 * itself (the Shape Detection API: Chrome on Android). Elsewhere the button is not offered and the
 * phone's own camera or WeChat opens the code's address, which is the same page. Only an address
 * of this site's check-in page is accepted; anything else is named and ignored.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface DetectedCode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedCode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorCtor(): BarcodeDetectorCtor | null {
  const ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return typeof ctor === 'function' ? ctor : null;
}

export const canScanQr = () =>
  detectorCtor() !== null && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** The check-in code in a scanned text: `…/c/<code>` of any host (the poster may be printed for another). */
export function checkinCodeIn(text: string): string | null {
  const m = /\/c\/([0-9a-z]{4,32})\/?(?:[?#].*)?$/.exec(text.trim());
  return m?.[1] ?? null;
}

export function QrScanModal({
  open,
  onClose,
  onCode,
}: {
  open: boolean;
  onClose: () => void;
  onCode: (code: string) => void;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const found = useRef(onCode);
  useEffect(() => {
    found.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!open) return;
    const Ctor = detectorCtor();
    if (!Ctor) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const codes = await detector.detect(video.current);
        for (const c of codes) {
          const code = checkinCodeIn(c.rawValue);
          if (code) {
            stopped = true;
            found.current(code);
            return;
          }
          setOther(c.rawValue);
        }
      } catch {
        // a frame that could not be read; try the next one
      }
      timer = window.setTimeout(() => void tick(), 300);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((tr) => tr.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        void tick();
      })
      .catch(() => setError(t('act.scan.noCamera')));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
      setOther(null);
      setError(null);
    };
  }, [open, t]);

  return (
    <Modal open={open} title={t('act.scan.title')} footer={null} onCancel={onClose} destroyOnHidden>
      {error ? (
        <Alert type="warning" showIcon title={error} />
      ) : (
        <>
          <video ref={video} className="qr-video" muted playsInline />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('act.scan.hint')}
          </Typography.Paragraph>
          {other && (
            <Typography.Paragraph
              type="warning"
              style={{ marginTop: 4, marginBottom: 0, wordBreak: 'break-all' }}
            >
              {t('act.scan.notCheckin', { text: other.slice(0, 80) })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
