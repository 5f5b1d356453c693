/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useStep } from '../lib/router.ts';
import type { SubmissionReceipt } from '../lib/types.ts';
import { OpinionForm } from './OpinionForm.tsx';
import { Receipt } from './Receipt.tsx';

type Step = 'view' | 'form' | 'receipt';

/**
 * A page with the "我要留言" button: step 1 shows the page, step 2 the form (a history entry, so
 * the phone's back button returns to the page and the draft is kept), step 3 the receipt.
 */
export function Compose({
  target,
  addressedTo,
  canWrite,
  children,
}: {
  target: { stationCode: string } | { representativeCode: string };
  addressedTo: string;
  canWrite: boolean;
  children: ComponentChildren;
}) {
  const [step, go] = useStep<Step>('view');
  // Kept in the history entry, so a reload or "forward" shows the receipt again, never an empty form.
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(
    () => (history.state as { receipt?: SubmissionReceipt } | null)?.receipt ?? null,
  );
  // The draft lives while the page does; a new one (with a new key) after a receipt.
  const [draft, setDraft] = useState(0);
  const [opened, setOpened] = useState(false);

  if (step === 'receipt' && receipt) {
    return <Receipt receipt={receipt} onBack={() => history.back()} />;
  }
  const showForm = step === 'form' || (step === 'receipt' && !receipt);
  return (
    <>
      <div hidden={showForm}>{children}</div>
      {canWrite && (opened || showForm) ? (
        <div hidden={!showForm}>
          <OpinionForm
            key={draft}
            target={target}
            addressedTo={addressedTo}
            onSubmitted={(r) => {
              setReceipt(r);
              setOpened(false);
              setDraft((n) => n + 1);
              go('receipt', true, { receipt: r });
            }}
          />
          <button type="button" class="btn block" onClick={() => history.back()}>
            返回
          </button>
        </div>
      ) : null}
      {canWrite && !showForm ? (
        <div class="actionbar">
          <button
            type="button"
            class="btn primary big block"
            onClick={() => {
              setOpened(true);
              go('form');
            }}
          >
            我要留言
          </button>
        </div>
      ) : null}
    </>
  );
}
