/** @jsxImportSource preact */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { API, ApiError, postJson } from '../lib/api.ts';
import { newIdempotencyKey } from '../lib/ids.ts';
import { MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../lib/photos.ts';
import { loadPrivacyNotice, useCategories, type PrivacyNotice } from '../lib/shared.ts';
import type { PublicSubmissionBody, SubmissionReceipt } from '../lib/types.ts';
import { Sheet } from './Sheet.tsx';

export const MAX_CONTENT = 2000;

type Target = { stationCode: string } | { representativeCode: string };
type Field = 'content' | 'category' | 'photos' | 'address' | 'name' | 'phone' | 'consentPrivacy' | 'kind';

/** Which field a server error's path (a JSON pointer into the body) belongs to. */
function fieldOf(path: string): Field | null {
  const top = path.replace(/^body:/, '').split('/')[1] ?? '';
  const map: Record<string, Field> = {
    content: 'content',
    categoryCode: 'category',
    photos: 'photos',
    address: 'address',
    name: 'name',
    phone: 'phone',
    consentPrivacy: 'consentPrivacy',
    privacyNoticeVersion: 'consentPrivacy',
    submitterKind: 'kind',
  };
  return map[top] ?? null;
}

/** Markup characters the server refuses, in their full-width look-alikes; other control characters dropped. */
function isControl(c: string): boolean {
  const n = c.charCodeAt(0);
  return (n < 32 && c !== '\n' && c !== '\t' && c !== '\r') || n === 127;
}

function cleanText(text: string): string {
  const kept = [...text].filter((c) => !isControl(c)).join('');
  return kept.replace(/</g, '＜').replace(/>/g, '＞');
}

interface Props {
  target: Target;
  /** Where the message goes, as the citizen knows it. */
  addressedTo: string;
  onSubmitted: (receipt: SubmissionReceipt) => void;
}

export function OpinionForm({ target, addressedTo, onSubmitted }: Props) {
  const categories = useCategories();
  // One key for this form, kept through retries until the server has the message.
  const key = useRef(newIdempotencyKey());
  /** The body of a request that never got an answer: "重试" sends exactly it again. */
  const unanswered = useRef<PublicSubmissionBody | null>(null);

  const [category, setCategory] = useState<string | null>(null);
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<'citizen' | 'enterprise'>('citizen');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consentPrivacy, setConsentPrivacy] = useState(false);
  const [consentPublish, setConsentPublish] = useState(false);
  const [notice, setNotice] = useState<PrivacyNotice | null>(null);
  const [showNotice, setShowNotice] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!notice) loadPrivacyNotice().then(setNotice, () => undefined);
  }, [notice, showNotice]);
  const closeNotice = useCallback(() => setShowNotice(false), []);
  // Thumbnails are object URLs: let them go with the form.
  const photosRef = useRef(photos);
  photosRef.current = photos;
  useEffect(() => () => photosRef.current.forEach((p) => URL.revokeObjectURL(p.previewUrl)), []);

  // Bring the first field in error into view once it is drawn.
  const [errorScroll, setErrorScroll] = useState(0);
  useEffect(() => {
    if (errorScroll > 0) document.querySelector('.field.has-error')?.scrollIntoView({ block: 'center' });
  }, [errorScroll]);

  const clearError = (f: Field) => {
    if (!errors[f]) return;
    const rest = { ...errors, [f]: undefined };
    setErrors(rest);
    if (!networkFailed && Object.values(rest).every((v) => !v)) setFormError(null);
  };

  async function addPhotos(files: FileList | null) {
    if (!files || files.length === 0) return;
    setPhotoBusy(true);
    clearError('photos');
    const room = MAX_PHOTOS - photos.length;
    const added: PreparedPhoto[] = [];
    let failed = 0;
    for (const file of [...files].slice(0, room)) {
      try {
        added.push(await preparePhoto(file));
      } catch {
        failed++;
      }
    }
    setPhotos((p) => [...p, ...added]);
    setPhotoBusy(false);
    if (failed > 0) setErrors((e) => ({ ...e, photos: `有 ${failed} 张图片无法读取，请换一张照片` }));
    else if (files.length > room)
      setErrors((e) => ({ ...e, photos: `最多 ${MAX_PHOTOS} 张照片，多选的没有加入` }));
  }

  function removePhoto(i: number) {
    const p = photos[i];
    if (p) URL.revokeObjectURL(p.previewUrl);
    setPhotos(photos.filter((_, j) => j !== i));
  }

  function localProblems(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (content.trim() === '') found.content = '请写下您的意见建议';
    else if (content.length > MAX_CONTENT)
      found.content = `最多 ${MAX_CONTENT} 字，请删减 ${content.length - MAX_CONTENT} 字`;
    if (!consentPrivacy) found.consentPrivacy = '请先阅读并同意《个人信息保护说明》';
    return found;
  }

  function bodyOf(version: string): PublicSubmissionBody {
    return {
      ...target,
      categoryCode: category,
      content: cleanText(content.trim()),
      address: address.trim() ? cleanText(address.trim()) : null,
      submitterKind: kind,
      name: !anonymous && name.trim() ? cleanText(name.trim()) : null,
      phone: phone.replace(/[\s-]/g, '') || null,
      anonymous,
      consentPrivacy: true,
      privacyNoticeVersion: version,
      consentPublish,
      ...(photos.length > 0
        ? { photos: photos.map((p) => ({ name: p.name, dataBase64: p.dataBase64 })) }
        : {}),
    };
  }

  async function send(body: PublicSubmissionBody): Promise<void> {
    setSubmitting(true);
    setFormError(null);
    setNetworkFailed(false);
    try {
      const receipt = await postJson<SubmissionReceipt>(`${API}/opinions`, body, {
        'idempotency-key': key.current,
      });
      unanswered.current = null;
      onSubmitted(receipt);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '网络不畅，请重试');
      if (e.network) {
        unanswered.current = body;
        setNetworkFailed(true);
        setFormError(e.message);
      } else if (e.code === 'CONFLICT' && unanswered.current && unanswered.current !== body) {
        // The message sent before the network failed did arrive; fetch its receipt with that same body.
        await send(unanswered.current);
        return;
      } else {
        const byField: Partial<Record<Field, string>> = {};
        const other: string[] = [];
        for (const f of e.fields) {
          const field = fieldOf(f.path);
          if (field && !byField[field]) byField[field] = f.message;
          else if (!field) other.push(f.message);
        }
        setErrors(byField);
        if (Object.keys(byField).length > 0) setErrorScroll((n) => n + 1);
        setFormError(
          Object.keys(byField).length > 0 && other.length === 0
            ? '请按红字提示修改后再提交'
            : [e.message, ...other].join('；'),
        );
      }
    } finally {
      setSubmitting(false);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (submitting) return;
    const found = localProblems();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('请按红字提示修改后再提交');
      setErrorScroll((n) => n + 1);
      return;
    }
    let version = notice?.version;
    if (!version) {
      try {
        const n = await loadPrivacyNotice();
        setNotice(n);
        version = n.version;
      } catch {
        setNetworkFailed(true);
        setFormError('网络不畅，没有连上服务器。请检查网络后点“重试”。');
        return;
      }
    }
    await send(bodyOf(version));
  }

  const retry = () => {
    if (unanswered.current) void send(unanswered.current);
    else void submit(new Event('submit'));
  };

  const err = (f: Field) =>
    errors[f] ? (
      <p class="field-error" role="alert">
        {errors[f]}
      </p>
    ) : null;

  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="to">
        留言给：<b>{addressedTo}</b>
      </p>

      <div class={errors.content ? 'field has-error' : 'field'}>
        <label for="f-content" class="label">
          您的意见建议 <span class="req">（必填）</span>
        </label>
        <textarea
          id="f-content"
          rows={7}
          value={content}
          maxLength={MAX_CONTENT + 200}
          placeholder="请写清楚：什么事、在哪里、希望怎么解决"
          onInput={(e) => {
            setContent(e.currentTarget.value);
            clearError('content');
          }}
        />
        <p class={content.length > MAX_CONTENT ? 'counter over' : 'counter'} aria-live="polite">
          {content.length} / {MAX_CONTENT} 字
        </p>
        {err('content')}
      </div>

      <div class={errors.category ? 'field has-error' : 'field'}>
        <p class="label" id="f-cat">
          问题类别 <span class="opt">（选填，不知道可以不选）</span>
        </p>
        <div class="choices" role="radiogroup" aria-labelledby="f-cat">
          {categories.map((c) => (
            <button
              type="button"
              key={c.code}
              role="radio"
              aria-checked={category === c.code}
              class={category === c.code ? 'choice on' : 'choice'}
              onClick={() => {
                setCategory(category === c.code ? null : c.code);
                clearError('category');
              }}
            >
              {c.nameZh}
            </button>
          ))}
        </div>
        {err('category')}
      </div>

      <div class={errors.photos ? 'field has-error' : 'field'}>
        <p class="label">
          照片 <span class="opt">（选填，最多 {MAX_PHOTOS} 张）</span>
        </p>
        <div class="photos">
          {photos.map((p, i) => (
            <div class="thumb" key={p.previewUrl}>
              <img src={p.previewUrl} alt={`第 ${i + 1} 张照片`} />
              <button
                type="button"
                class="thumb-x"
                aria-label={`删除第 ${i + 1} 张照片`}
                onClick={() => removePhoto(i)}
              >
                ×
              </button>
            </div>
          ))}
          {photos.length < MAX_PHOTOS ? (
            <label class={photoBusy ? 'thumb add busy' : 'thumb add'}>
              <input
                type="file"
                accept="image/*"
                multiple
                disabled={photoBusy}
                onChange={(e) => {
                  const input = e.currentTarget;
                  void addPhotos(input.files).then(() => (input.value = ''));
                }}
              />
              <span aria-hidden="true">＋</span>
              <span>{photoBusy ? '处理中…' : '添加照片'}</span>
            </label>
          ) : null}
        </div>
        {err('photos')}
      </div>

      <div class={errors.address ? 'field has-error' : 'field'}>
        <label for="f-address" class="label">
          地点 <span class="opt">（选填）</span>
        </label>
        <input
          id="f-address"
          type="text"
          maxLength={200}
          value={address}
          placeholder="如：湖滨路与长安街路口"
          onInput={(e) => {
            setAddress(e.currentTarget.value);
            clearError('address');
          }}
        />
        {err('address')}
      </div>

      <div class={errors.kind ? 'field has-error' : 'field'}>
        <p class="label" id="f-kind">
          您是
        </p>
        <div class="segmented" role="radiogroup" aria-labelledby="f-kind">
          {(
            [
              ['citizen', '群众'],
              ['enterprise', '企业'],
            ] as const
          ).map(([value, label]) => (
            <button
              type="button"
              key={value}
              role="radio"
              aria-checked={kind === value}
              class={kind === value ? 'seg on' : 'seg'}
              onClick={() => setKind(value)}
            >
              {label}
            </button>
          ))}
        </div>
        {err('kind')}
      </div>

      <div class="field">
        <label class="switch">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <span class="switch-track" aria-hidden="true" />
          <span class="switch-text">匿名留言</span>
        </label>
        <p class="hint">匿名时不填姓名，办理人员看不到您是谁；留下手机号仍可收到办理结果短信。</p>
      </div>

      {anonymous ? null : (
        <div class={errors.name ? 'field has-error' : 'field'}>
          <label for="f-name" class="label">
            姓名 <span class="opt">（选填）</span>
          </label>
          <input
            id="f-name"
            type="text"
            autoComplete="name"
            maxLength={50}
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              clearError('name');
            }}
          />
          {err('name')}
        </div>
      )}

      <div class={errors.phone ? 'field has-error' : 'field'}>
        <label for="f-phone" class="label">
          手机号 <span class="opt">（选填）</span>
        </label>
        <input
          id="f-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          onInput={(e) => {
            setPhone(e.currentTarget.value);
            clearError('phone');
          }}
        />
        <p class="hint">
          留下手机号，办理有结果时会短信告诉您。号码加密保存，工作人员只能看到 138****1234 这样的号码。
        </p>
        {err('phone')}
      </div>

      <div class={errors.consentPrivacy ? 'field has-error consent' : 'field consent'}>
        <label class="check">
          <input
            type="checkbox"
            checked={consentPrivacy}
            onChange={(e) => {
              setConsentPrivacy(e.currentTarget.checked);
              clearError('consentPrivacy');
            }}
          />
          <span>
            我已阅读并同意
            <button type="button" class="linkish" onClick={() => setShowNotice(true)}>
              《个人信息保护说明》
            </button>
            <span class="req">（必选）</span>
          </span>
        </label>
        {err('consentPrivacy')}
      </div>

      <div class="field consent">
        <label class="check">
          <input
            type="checkbox"
            checked={consentPublish}
            onChange={(e) => setConsentPublish(e.currentTarget.checked)}
          />
          <span>
            同意办结后公开我的留言和答复 <span class="opt">（选填）</span>
          </span>
        </label>
        <p class="hint">
          公开前会去掉姓名、电话、地址等个人信息，让有同样问题的人也能看到结果。不同意也照常办理。
        </p>
      </div>

      {formError ? (
        <div class={networkFailed ? 'card notice error' : 'card notice warn'} role="alert">
          <p>{formError}</p>
          {networkFailed ? (
            <button type="button" class="btn primary" onClick={retry} disabled={submitting}>
              重试
            </button>
          ) : null}
        </div>
      ) : null}

      <button type="submit" class="btn primary big block" disabled={submitting || photoBusy}>
        {submitting ? '正在提交…' : '提交留言'}
      </button>

      {showNotice ? (
        <Sheet title="个人信息保护说明" onClose={closeNotice}>
          {notice ? (
            <div class="notice-text">{notice.text}</div>
          ) : (
            <p>正在加载说明…如长时间没有显示，请检查网络。</p>
          )}
        </Sheet>
      ) : null}
    </form>
  );
}
