/**
 * Intake (DESIGN.md §4.1 SUBMITTED): a citizen's message from a QR code page, or one that staff
 * register on a citizen's behalf. Everything is checked first (addressee, privacy notice, phone,
 * photos by content); then ONE transaction writes the idempotency key, the opinion (contact
 * encrypted), its photos, its first event, its statistics, the audit row and the notice to the
 * staff of its jurisdiction and the station's liaison officer.
 *
 * The public submission is the hot path: one indexed lookup of the QR code before the
 * transaction, nothing read back after it.
 */
import type { Transaction } from 'kysely';
import { normalizePhone } from '../../lib/phone.ts';
import { addWorkingDays, beijingDateOf, type WorkCalendar } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import type { DB } from '../../platform/db/schema.ts';
import { groupCommit, type GroupCommit, type Settled } from '../../platform/db/group-commit.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.ts';
import {
  rememberResponse,
  rememberResponses,
  withIdempotency,
  type IdempotencyKey,
  type Replayed,
} from '../../platform/http/idempotency.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudits } from '../audit/audit.service.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import {
  gridAddressee,
  representativeAddressee,
  representativesByPublicCodes,
  stationAddressee,
  stationsByPublicCodes,
  type RepresentativeAddressee,
  type StationAddressee,
} from '../org/addressees.service.ts';
import { findStationByPublicCode } from '../org/stations.service.ts';
import { listCategories } from '../org/units.service.ts';
import { newPublicCode } from '../org/org.domain.ts';
import type { ActorKind } from './opinions.domain.ts';
import { statsDeltas } from './opinions.kpi.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { submittedNotice } from './opinions.notices.ts';
import * as repo from './opinions.repo.ts';
import type { IntakeBody } from './opinions.schema.ts';
import type { Channel, SubmitterKind } from './opinions.vocab.ts';
import { checkPhotos, type CheckedPhoto } from './photos.ts';
import {
  PRIVACY_NOTICE_VERSION,
  type PublicSubmissionBody,
  type SubmissionReceipt,
} from './public.schema.ts';
import { publicActor } from './transitions.service.ts';
import { visibleTo } from './opinions.visibility.ts';

/** Everything an opinion is filed with, checked. */
interface Filing {
  channel: Channel;
  submitterKind: SubmitterKind;
  content: string;
  address: string | null;
  categoryCode: string | null;
  /** Null when anonymous: an anonymous submitter's name is not kept at all (PIPL: minimum collection). */
  name: string | null;
  phone: string | null;
  anonymous: boolean;
  consentPublish: boolean;
  submittedAt: Date;
  jurisdictionId: number;
  jurisdictionPath: string;
  stationId: number | null;
  representativeId: number | null;
  gridId: number | null;
  liaisonOfficerUserId: number | null;
  photos: CheckedPhoto[];
}

interface Filer {
  actor: Actor;
  kind: ActorKind;
}

const fieldError = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

function readPhone(input: string | null | undefined, path: string): string | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  const phone = normalizePhone(input);
  if (phone === null) {
    throw invalid([
      fieldError(
        path,
        'phone',
        '手机号格式不正确，应为 11 位手机号码或带区号的固定电话',
        'The phone number is not valid: use an 11-digit mobile number or a landline with its area code',
      ),
    ]);
  }
  return phone;
}

async function checkCategory(ctx: AppContext, code: string | null | undefined, path: string) {
  if (code === undefined || code === null) return null;
  if (!(await listCategories(ctx)).some((c) => c.code === code))
    throw invalid([fieldError(path, 'exists', `未知的类别“${code}”`, `Unknown category "${code}"`)]);
  return code;
}

const beijingMonth = (d: Date) => beijingDateOf(d).slice(0, 7);

/** One opinion to file: what was checked, who files it, its tracking code and first deadline. */
interface ToFile {
  filing: Filing;
  filer: Filer;
  trackingCode: string;
  ackDue: string;
}

/**
 * Write the opinions and all that comes with them, in the caller's transaction: each opinion, its
 * photos, its first event, its statistics, its audit row and its notices. Several at once cost
 * one statement per table, not one per opinion (see publicSubmissions). Answers their ids, in order.
 */
async function fileOpinions(
  ctx: AppContext,
  trx: Transaction<DB>,
  items: readonly ToFile[],
): Promise<number[]> {
  const now = ctx.clock.now().toISOString();
  const factsOf = ({ filing: f }: ToFile) => ({
    status: 'SUBMITTED',
    ack_at: null,
    ack_on_time: null,
    ack_overdue: 0,
    first_reply_at: null,
    reply_on_time: null,
    last_result: null,
    last_rating: null,
    rehandle_rounds: 0,
    reply_overdue: 0,
    stats_month: beijingMonth(f.submittedAt),
    jurisdiction_id: f.jurisdictionId,
    station_id: f.stationId,
    unit_id: null,
    category_code: f.categoryCode,
  });
  const facts = items.map(factsOf);
  const ids = await repo.insertOpinions(
    trx,
    items.map(({ filing: f, filer, trackingCode, ackDue }, i) => ({
      ...facts[i]!,
      tracking_code: trackingCode,
      channel: f.channel,
      submitter_kind: f.submitterKind,
      representative_id: f.representativeId,
      grid_id: f.gridId,
      content: f.content,
      address: f.address,
      submitter_name_enc: f.name !== null ? ctx.cipher.encrypt(f.name) : null,
      submitter_phone_enc: f.phone !== null ? ctx.cipher.encrypt(f.phone) : null,
      submitter_phone_hash: f.phone !== null ? ctx.cipher.blindIndex(f.phone) : null,
      anonymous: f.anonymous ? 1 : 0,
      consent_privacy_at: now,
      privacy_notice_version: PRIVACY_NOTICE_VERSION,
      consent_publish: f.consentPublish ? 1 : 0,
      registered_by_user_id: filer.actor.userId,
      submitted_at: f.submittedAt.toISOString(),
      ack_due: ackDue,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.insertAttachments(
    trx,
    items.flatMap(({ filing: f }, i) =>
      f.photos.map((p) => ({
        owner_type: 'opinion',
        owner_id: ids[i]!,
        file_name: p.fileName,
        mime: p.mime,
        size: p.size,
        sha256: p.sha256,
        data: p.data,
        created_at: now,
      })),
    ),
  );
  await repo.insertEvents(
    trx,
    items.map(({ filer }, i) => ({
      opinion_id: ids[i]!,
      at: now,
      action: 'submit',
      from_status: null,
      to_status: 'SUBMITTED',
      actor_kind: filer.kind,
      actor_user_id: filer.actor.userId,
      actor_name: filer.kind === 'citizen' ? null : filer.actor.displayName,
      unit_id: null,
      public_note: null,
      internal_note: null,
    })),
  );
  await repo.applyStatsDeltas(
    trx,
    facts.flatMap((f) => statsDeltas(null, f)),
  );
  await recordAudits(
    ctx,
    trx,
    items.map(({ filing: f, filer, trackingCode }, i) => ({
      actor: filer.actor,
      entry: {
        action: 'opinion.submit',
        entityType: 'opinion',
        entityId: ids[i]!,
        jurisdictionId: f.jurisdictionId,
        detail: { trackingCode, channel: f.channel, photos: f.photos.length },
      },
    })),
  );
  await notifyAll(
    ctx,
    trx,
    items.map(({ filing: f, trackingCode }, i) =>
      submittedNotice(
        {
          id: ids[i]!,
          trackingCode,
          content: f.content,
          jurisdictionPath: f.jurisdictionPath,
          phoneEnc: null,
        },
        f.liaisonOfficerUserId,
      ),
    ),
  );
  return ids;
}

function ackDueOf(ctx: AppContext, cal: WorkCalendar, submittedAt: Date): string {
  return addWorkingDays(cal, submittedAt, ctx.config.opinions.ackWorkingDays).due.toISOString();
}

/** Where a QR code leads: a station or a representative (one of the two is set). */
interface PublicAddressee {
  station: StationAddressee | null;
  representative: RepresentativeAddressee | null;
}

/**
 * Where the QR codes of several submissions lead, in one read for all, or for each code that
 * leads nowhere a 404 that says where to go instead.
 */
async function publicAddressees(
  ctx: AppContext,
  inputs: readonly PublicSubmissionBody[],
): Promise<(PublicAddressee | AppError)[]> {
  const [stations, representatives] = await Promise.all([
    stationsByPublicCodes(
      ctx,
      inputs.flatMap((i) => (i.stationCode ? [i.stationCode] : [])),
    ),
    representativesByPublicCodes(
      ctx,
      inputs.flatMap((i) => (i.representativeCode ? [i.representativeCode] : [])),
    ),
  ]);
  const out: (PublicAddressee | AppError)[] = [];
  for (const input of inputs) {
    const station = input.stationCode ? stations.get(input.stationCode) : undefined;
    const representative = input.representativeCode
      ? representatives.get(input.representativeCode)
      : undefined;
    if (input.stationCode && (!station || station.status !== 'active')) {
      // A retired station's poster may still hang somewhere: say where to go instead (rare, so the
      // public pages' fuller look-up is used for the successor).
      const successor = station
        ? ((await findStationByPublicCode(ctx, input.stationCode))?.successor ?? null)
        : null;
      out.push(
        new AppError(
          'NOT_FOUND',
          station
            ? {
                zh: `“${station.name}”已撤销，不再接收留言${successor ? `，请前往“${successor.name}”反映` : '，请就近前往人大代表联络站反映'}`,
                en: `"${station.name}" has closed${successor ? `; please go to "${successor.name}"` : '; please go to the nearest liaison station'}`,
              }
            : {
                zh: '未找到该联络站，请核对二维码，或就近前往人大代表联络站反映',
                en: 'No such liaison station: check the QR code, or go to the nearest liaison station',
              },
          [],
          { successor: successor ? { publicCode: successor.publicCode, name: successor.name } : null },
        ),
      );
    } else if (input.representativeCode && (!representative || representative.status !== 'active')) {
      out.push(
        new AppError('NOT_FOUND', {
          zh: '未找到该代表或其目前不接收留言，请前往其所在的人大代表联络站反映',
          en: 'This representative cannot be reached here now; please go to their liaison station',
        }),
      );
    } else {
      out.push({ station: station ?? null, representative: representative ?? null });
    }
  }
  return out;
}

/**
 * POST /public/opinions: a citizen's message from a QR code page (Idempotency-Key required).
 * What needs no database is checked here; the rest (where the QR code leads, the category, the
 * per-phone limit) in the transaction that files it, together with the submissions that arrive
 * at the same time (see `publicSubmissions`).
 */
export async function submitPublic(
  ctx: AppContext,
  input: PublicSubmissionBody,
  meta: { ip: string | null; key: IdempotencyKey },
): Promise<Replayed<SubmissionReceipt> & { replayed: boolean }> {
  if (input.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION) {
    throw invalid([
      fieldError(
        '/privacyNoticeVersion',
        'current',
        '隐私说明已更新，请刷新页面阅读新的说明后再提交',
        'The privacy notice has changed: reload the page, read it and submit again',
      ),
    ]);
  }
  if (!input.stationCode && !input.representativeCode) {
    throw invalid([
      fieldError(
        '/stationCode',
        'required',
        '请通过联络站或代表的二维码留言',
        'Leave the message through a station’s or a representative’s QR code',
      ),
    ]);
  }
  const phone = readPhone(input.phone, '/phone');
  const [photos, cal] = await Promise.all([
    checkPhotos(input.photos, ctx.config.opinions),
    workCalendar(ctx),
  ]);
  const submittedAt = ctx.clock.now();
  const pending: PendingSubmission = {
    input,
    phone,
    phoneHash: phone !== null ? ctx.cipher.blindIndex(phone) : null,
    photos,
    submittedAt,
    ackDue: ackDueOf(ctx, cal, submittedAt),
    trackingCode: newPublicCode(),
    key: meta.key,
    ip: meta.ip,
  };
  return withIdempotency(ctx.database.db, meta.key, () => publicSubmissions(ctx).submit(pending));
}

/** A public submission checked as far as it can be without the database, waiting for its transaction. */
interface PendingSubmission {
  input: PublicSubmissionBody;
  /** Normalised, and its blind index. */
  phone: string | null;
  phoneHash: string | null;
  photos: CheckedPhoto[];
  submittedAt: Date;
  ackDue: string;
  trackingCode: string;
  key: IdempotencyKey;
  ip: string | null;
}

/**
 * Write public submissions in the caller's transaction. First what may refuse one (where its QR
 * code leads, its category, the per-phone limit counting the submissions before it in the same
 * transaction), each read once for all; then the keys and the opinions of those accepted.
 */
async function writeSubmissions(
  ctx: AppContext,
  trx: Transaction<DB>,
  items: readonly PendingSubmission[],
): Promise<Settled<Replayed<SubmissionReceipt>>[]> {
  // The reads of other modules' services go through the transaction too: on SQLite (one
  // connection) a read through ctx.database.db would wait for this very transaction to end.
  const inTrx: AppContext = { ...ctx, database: { ...ctx.database, db: trx } };
  const since = (at: Date) => new Date(at.getTime() - 86_400_000).toISOString();
  const [addressees, categories, earlier] = await Promise.all([
    publicAddressees(
      inTrx,
      items.map((s) => s.input),
    ),
    items.some((s) => s.input.categoryCode)
      ? listCategories(inTrx).then((all) => new Set(all.map((c) => c.code)))
      : new Set<string>(),
    repo.submissionsByPhonesSince(
      trx,
      items.flatMap((s) => (s.phoneHash !== null ? [s.phoneHash] : [])),
      since(items.reduce((a, b) => (a.submittedAt < b.submittedAt ? a : b)).submittedAt),
    ),
  ]);
  const limit = ctx.config.opinions.publicPerPhonePerDay;
  const outcomes: Settled<Replayed<SubmissionReceipt>>[] = [];
  const accepted: { s: PendingSubmission; filing: Filing; receipt: SubmissionReceipt }[] = [];
  items.forEach((s, i) => {
    const where = addressees[i]!;
    const categoryCode = s.input.categoryCode ?? null;
    const sameEarlier = () =>
      earlier.filter((e) => e.phoneHash === s.phoneHash && e.submittedAt > since(s.submittedAt)).length +
      accepted.filter((a) => a.s.phoneHash === s.phoneHash).length;
    if (where instanceof AppError) {
      outcomes.push({ ok: false, error: where });
    } else if (categoryCode !== null && !categories.has(categoryCode)) {
      outcomes.push({
        ok: false,
        error: invalid([
          fieldError(
            '/categoryCode',
            'exists',
            `未知的类别“${categoryCode}”`,
            `Unknown category "${categoryCode}"`,
          ),
        ]),
      });
    } else if (s.phoneHash !== null && sameEarlier() >= limit) {
      outcomes.push({
        ok: false,
        error: new AppError('RATE_LIMITED', {
          zh: `同一手机号 24 小时内最多提交 ${limit} 条意见，请稍后再试，或前往联络站当面反映`,
          en: `At most ${limit} messages per phone number in 24 hours; try later, or visit a liaison station`,
        }),
      });
    } else {
      const home = where.station ?? where.representative!;
      const anonymous = s.input.anonymous === true;
      const filing: Filing = {
        channel: 'qr',
        submitterKind: s.input.submitterKind ?? 'citizen',
        content: s.input.content,
        address: s.input.address ?? null,
        categoryCode,
        name: anonymous ? null : s.input.name?.trim() || null,
        phone: s.phone,
        anonymous,
        consentPublish: s.input.consentPublish === true,
        submittedAt: s.submittedAt,
        jurisdictionId: home.jurisdictionId,
        jurisdictionPath: home.jurisdictionPath,
        stationId: where.station?.id ?? null,
        representativeId: where.representative?.id ?? null,
        gridId: null,
        liaisonOfficerUserId: where.station?.liaisonOfficerUserId ?? null,
        photos: s.photos,
      };
      const receipt: SubmissionReceipt = {
        trackingCode: s.trackingCode,
        submittedAt: s.submittedAt.toISOString(),
        ackDue: s.ackDue,
        addressedTo: where.station?.name ?? where.representative!.name,
      };
      accepted.push({ s, filing, receipt });
      outcomes.push({ ok: true, value: { status: 201, body: receipt } });
    }
  });
  await rememberResponses(
    trx,
    accepted.map(({ s, receipt }) => ({ key: s.key, status: 201, response: receipt })),
    ctx.clock.now().toISOString(),
  );
  // A tracking code colliding with another (31^10 codes) fails the insert: the page retries.
  await fileOpinions(
    ctx,
    trx,
    accepted.map(({ s, filing, receipt }) => ({
      filing,
      filer: { actor: publicActor(s.ip), kind: 'citizen' },
      trackingCode: receipt.trackingCode,
      ackDue: receipt.ackDue,
    })),
  );
  return outcomes;
}

const submissionQueues = new WeakMap<
  AppContext['database'],
  GroupCommit<PendingSubmission, Replayed<SubmissionReceipt>>
>();

/**
 * The public form is the busiest write: submissions arriving together share a transaction
 * (group commit, see platform/db/group-commit.ts), each still all or nothing and acknowledged
 * only once committed.
 */
function publicSubmissions(ctx: AppContext) {
  let queue = submissionQueues.get(ctx.database);
  if (!queue) {
    queue = groupCommit(ctx.database.db, (trx, items: readonly PendingSubmission[]) =>
      writeSubmissions(ctx, trx, items),
    );
    submissionQueues.set(ctx.database, queue);
  }
  return queue;
}

/** Who a staff member registers as on the event: congress staff, liaison officer or representative. */
function filerKind(actor: Actor): ActorKind {
  if (actor.roles.includes('congress_staff')) return 'staff';
  if (actor.roles.includes('liaison_officer')) return 'officer';
  return 'representative';
}

/** Where a staff-registered item belongs: its station, grid, representative, or the jurisdiction named. */
async function staffAddressee(ctx: AppContext, actor: Actor, input: IntakeBody) {
  const missing = (path: string, zh: string, en: string) =>
    invalid([fieldError(path, 'scope', `${zh}不存在`, `${en} does not exist`)]);
  const representativeId =
    input.representativeId ??
    (!input.stationId && !input.gridId && !input.jurisdictionId && actor.roles.includes('representative')
      ? actor.representativeId
      : null);
  const [station, grid, representative] = await Promise.all([
    input.stationId ? stationAddressee(ctx, input.stationId) : null,
    input.gridId ? gridAddressee(ctx, input.gridId) : null,
    representativeId ? representativeAddressee(ctx, representativeId) : null,
  ]);
  if (input.stationId && !station) throw missing('/stationId', '联络站', 'The station');
  if (input.gridId && !grid) throw missing('/gridId', '网格', 'The grid');
  if (representativeId && !representative) throw missing('/representativeId', '代表', 'The representative');
  const stationId = station?.id ?? grid?.stationId ?? null;
  const liaisonOfficerUserId = station?.liaisonOfficerUserId ?? grid?.liaisonOfficerUserId ?? null;
  const home = station ?? grid ?? representative;
  if (home) return { home, stationId, gridId: grid?.id ?? null, representativeId, liaisonOfficerUserId };
  const j = input.jurisdictionId
    ? await jurisdictionInScope(ctx.database.db, scopeOf(actor), input.jurisdictionId)
    : undefined;
  if (!j) {
    throw invalid([
      fieldError(
        '/jurisdictionId',
        'required',
        '请指明联络站、网格、代表，或您管辖范围内的辖区',
        'Name a station, grid, representative, or a jurisdiction within yours',
      ),
    ]);
  }
  return {
    home: { jurisdictionId: j.id, jurisdictionPath: j.path },
    stationId: null,
    gridId: null,
    representativeId: null,
    liaisonOfficerUserId: null,
  };
}

/** POST /opinions: staff register an item on a citizen's behalf (reception days, visits, calls). */
export async function intakeOpinion(
  ctx: AppContext,
  actor: Actor,
  input: IntakeBody,
  key: IdempotencyKey | null,
): Promise<Replayed<{ id: number }> & { replayed: boolean }> {
  const now = ctx.clock.now();
  const submittedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (submittedAt.getTime() > now.getTime()) {
    throw invalid([
      fieldError(
        '/receivedAt',
        'notFuture',
        '收集时间不能晚于现在',
        'The time received cannot be in the future',
      ),
    ]);
  }
  const phone = readPhone(input.submitterPhone, '/submitterPhone');
  const [where, photos, categoryCode, cal] = await Promise.all([
    staffAddressee(ctx, actor, input),
    checkPhotos(input.photos, ctx.config.opinions),
    checkCategory(ctx, input.categoryCode, '/categoryCode'),
    workCalendar(ctx),
  ]);
  const anonymous = input.anonymous === true;
  const filing: Filing = {
    channel: input.channel,
    submitterKind: input.submitterKind ?? 'citizen',
    content: input.content,
    address: input.address ?? null,
    categoryCode,
    name: anonymous ? null : input.submitterName?.trim() || null,
    phone,
    anonymous,
    consentPublish: input.consentPublish === true,
    submittedAt,
    jurisdictionId: where.home.jurisdictionId,
    jurisdictionPath: where.home.jurisdictionPath,
    stationId: where.stationId,
    representativeId: where.representativeId,
    gridId: where.gridId,
    liaisonOfficerUserId: where.liaisonOfficerUserId,
    photos,
  };
  const db = ctx.database.db;
  return withIdempotency(db, key, () =>
    db.transaction().execute(async (trx) => {
      const id = (
        await fileOpinions(ctx, trx, [
          {
            filing,
            filer: { actor, kind: filerKind(actor) },
            trackingCode: newPublicCode(),
            ackDue: ackDueOf(ctx, cal, submittedAt),
          },
        ])
      )[0]!;
      // Staff file only what they may then see: the one visibility predicate decides.
      if (!(await repo.findOpinion(trx, id, visibleTo(actor), actor.representativeId))) {
        throw invalid([
          fieldError(
            '/stationId',
            'scope',
            '该联络站、网格、代表或辖区不在您的管辖范围内',
            'The station, grid, representative or jurisdiction is outside your remit',
          ),
        ]);
      }
      if (key) await rememberResponse(trx, key, 201, { id }, now.toISOString());
      return { status: 201, body: { id } };
    }),
  );
}
