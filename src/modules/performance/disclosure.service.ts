/**
 * 履职公示: staff preview a station's or a representative's month from the records, publish it
 * (a snapshot, version 1), and when something was wrong publish a correction (a new version with
 * its note) — a published version is never edited or deleted, and a second publication of the
 * same month is refused. The public reads only what was published: the latest version by
 * default, every earlier version on request, never a figure computed for the asking.
 *
 * Staff publish for the stations and representatives of their jurisdiction (a subject outside it
 * is not found); a representative's month only while their profile is public, and the public
 * page disappears when they make it private. Every publication and correction is audited in the
 * same transaction.
 */
import type { AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { CONGRESS_LEVEL_LABELS, STATION_TIER_LABELS, type CongressLevel } from '../org/org.domain.ts';
import { representativeQrCode } from '../org/representatives.service.ts';
import {
  activitiesByType,
  isPublishableMonth,
  monthLabel,
  monthWindow,
  opinionFigures,
  type DisclosedActivity,
  type DisclosureContent,
  type DisclosureKind,
} from './disclosure.domain.ts';
import * as repo from './disclosure.repo.ts';
import type {
  DisclosureListQuery,
  DisclosureView,
  PublicDisclosure,
  PublicDisclosureQuery,
  SubjectQuery,
} from './disclosure.schema.ts';

type Subject =
  { kind: 'station'; row: repo.StationSubject } | { kind: 'representative'; row: repo.RepresentativeSubject };

const subjectNotFound = () =>
  new AppError('NOT_FOUND', { zh: '未找到该公示对象', en: 'No such station or representative' });

async function loadSubject(ctx: AppContext, kind: DisclosureKind, id: number): Promise<Subject | undefined> {
  const db = ctx.database.db;
  if (kind === 'station') {
    const row = await repo.stationSubject(db, { id });
    return row && { kind, row };
  }
  const row = await repo.representativeSubject(db, { id });
  return row && { kind, row };
}

/** The subject, when it lies in the actor's jurisdiction (else not found) and may be disclosed. */
async function subjectForStaff(
  ctx: AppContext,
  actor: Actor,
  kind: DisclosureKind,
  id: number,
): Promise<Subject> {
  const s = await loadSubject(ctx, kind, id);
  if (!s || !pathInScope(scopeOf(actor), s.row.path)) throw subjectNotFound();
  if (s.kind === 'representative' && s.row.is_public === 1 && s.row.public_code === null)
    // Codes are given when first needed: the disclosure is found by it.
    s.row.public_code = (await representativeQrCode(ctx, actor, s.row.id)).publicCode;
  if (s.kind === 'representative' && s.row.is_public !== 1)
    throw new AppError('INVALID_TRANSITION', {
      zh: '该代表未公开个人履职信息，不能发布履职公示',
      en: 'This representative’s profile is not public, so nothing of theirs can be disclosed',
    });
  return s;
}

const levelsText = (levels: readonly string[]) =>
  levels.length === 0
    ? '人大代表'
    : levels.map((l) => CONGRESS_LEVEL_LABELS[l as CongressLevel]?.zh ?? l).join('、');

/** What publishing the subject's month now would write: the figures and lists from the records. */
export async function disclosureContent(
  ctx: AppContext,
  s: Subject,
  month: string,
): Promise<DisclosureContent> {
  const db = ctx.database.db;
  const now = ctx.clock.now().toISOString();
  const w = monthWindow(month);
  const until = now < w.toIso ? now : w.toIso;
  if (s.kind === 'station') {
    const [acts, opinions] = await Promise.all([
      repo.stationActivities(db, s.row.id, w, until),
      repo.opinionFacts(db, { stationId: s.row.id }, month, w),
    ]);
    const present = await repo.presence(
      db,
      acts.map((a) => a.id),
    );
    const activities = acts.map((a): DisclosedActivity => ({
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      typeCode: a.type_code,
      typeLabel: a.type_label,
      title: a.title,
      place: a.place,
      present: present.get(a.id)?.present ?? 0,
      representatives: present.get(a.id)?.names ?? [],
    }));
    return {
      kind: 'station',
      month,
      asOf: now,
      subject: {
        name: s.row.name,
        publicCode: s.row.public_code,
        jurisdictionName: s.row.jurisdiction_name,
        description: STATION_TIER_LABELS[s.row.tier as keyof typeof STATION_TIER_LABELS]?.zh ?? '联络站',
      },
      activities,
      activitiesByType: activitiesByType(activities),
      opinions: opinionFigures(month, opinions),
    };
  }
  const [invitations, opinions, suggestions] = await Promise.all([
    repo.invitationsOf(db, s.row.id, w, until),
    repo.opinionFacts(db, { representativeId: s.row.id }, month, w),
    repo.suggestionsRegistered(db, s.row.id, w),
  ]);
  const attended = invitations.filter((i) => i.attendance === 'present');
  const present = await repo.presence(
    db,
    attended.map((a) => a.id),
  );
  const activities = attended.map((a): DisclosedActivity => ({
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    typeCode: a.type_code,
    typeLabel: a.type_label,
    title: a.title,
    place: a.place,
    present: present.get(a.id)?.present ?? 0,
    representatives: present.get(a.id)?.names ?? [],
    hosted: a.role === 'host',
  }));
  return {
    kind: 'representative',
    month,
    asOf: now,
    subject: {
      name: s.row.name,
      publicCode: s.row.public_code ?? '',
      jurisdictionName: s.row.jurisdiction_name,
      description: levelsText(s.row.levels),
    },
    activities,
    activitiesByType: activitiesByType(activities),
    opinions: opinionFigures(month, opinions),
    attendance: {
      invited: invitations.length,
      attended: attended.length,
      leave: invitations.filter((i) => i.attendance !== 'present' && i.status === 'leave_approved').length,
    },
    suggestions,
  };
}

const versionInfo = (r: repo.DisclosureRow) => ({
  id: r.id,
  version: r.version,
  publishedAt: r.published_at,
  correctionNote: r.correction_note,
});

function checkMonth(ctx: AppContext, month: string) {
  if (!isPublishableMonth(month, ctx.clock.now()))
    throw invalid([
      {
        path: '/month',
        rule: 'publishable',
        message: {
          zh: `${monthLabel(month)}尚未开始，不能公示`,
          en: 'That month has not begun; it cannot be disclosed yet',
        },
      },
    ]);
}

/** GET /performance/disclosures/preview: the month as it would be published now, and what is already out. */
export async function previewDisclosure(ctx: AppContext, actor: Actor, q: SubjectQuery) {
  const s = await subjectForStaff(ctx, actor, q.kind, q.subjectId);
  checkMonth(ctx, q.month);
  const [content, versions] = await Promise.all([
    disclosureContent(ctx, s, q.month),
    repo.versionsOf(ctx.database.db, q.kind, s.row.id, q.month),
  ]);
  const latest = versions.at(-1);
  return {
    kind: q.kind,
    subject: { id: s.row.id, name: s.row.name },
    month: q.month,
    content,
    published: latest ? versionInfo(latest) : null,
  };
}

const alreadyPublished = () =>
  new AppError('CONFLICT', {
    zh: '该月的履职公示已经发布，发布后不能修改；如有错误，请发布更正',
    en: 'This month is already published and cannot be changed; publish a correction instead',
  });

/** POST /performance/disclosures: publish a month (version 1); a month already out is refused. */
export async function publishDisclosure(ctx: AppContext, actor: Actor, body: SubjectQuery) {
  const s = await subjectForStaff(ctx, actor, body.kind, body.subjectId);
  checkMonth(ctx, body.month);
  const db = ctx.database.db;
  if ((await repo.versionsOf(db, body.kind, s.row.id, body.month)).length > 0) throw alreadyPublished();
  const content = await disclosureContent(ctx, s, body.month);
  const id = await insertVersion(ctx, actor, s, body.month, 1, content, null).catch((err: unknown) => {
    throw isUniqueViolation(err) ? alreadyPublished() : err;
  });
  return disclosureView(ctx, actor, id);
}

async function insertVersion(
  ctx: AppContext,
  actor: Actor,
  s: Subject,
  month: string,
  version: number,
  content: DisclosureContent,
  note: string | null,
): Promise<number> {
  return auditedWrite(ctx, actor, async (trx) => {
    const id = await repo.insertDisclosure(trx, {
      kind: s.kind,
      subject_id: s.row.id,
      jurisdiction_id: s.row.jurisdiction_id,
      month,
      version,
      content: JSON.stringify(content),
      correction_note: note,
      published_at: ctx.clock.now().toISOString(),
      published_by_user_id: actor.userId,
    });
    return {
      result: id,
      audit: {
        action: version === 1 ? 'performance.disclosure_publish' : 'performance.disclosure_correct',
        entityType: 'disclosure',
        entityId: id,
        jurisdictionId: s.row.jurisdiction_id,
        detail: {
          kind: s.kind,
          subjectId: s.row.id,
          month,
          version,
          ...(note !== null ? { note } : {}),
          activities: content.activities.length,
          opinionsReceived: content.opinions.received,
        },
      },
    };
  });
}

/**
 * POST /performance/disclosures/:id/corrections: a new version of the month, regenerated from the
 * records as they now stand, with the note saying what was corrected. The earlier versions stay.
 */
export async function correctDisclosure(ctx: AppContext, actor: Actor, id: number, note: string) {
  const db = ctx.database.db;
  const row = await repo.disclosureInScope(db, scopeOf(actor), id);
  if (!row) throw new AppError('NOT_FOUND');
  const s = await subjectForStaff(ctx, actor, row.kind as DisclosureKind, row.subject_id);
  const versions = await repo.versionsOf(db, s.kind, s.row.id, row.month);
  const next = (versions.at(-1)?.version ?? 0) + 1;
  const content = await disclosureContent(ctx, s, row.month);
  const newId = await insertVersion(ctx, actor, s, row.month, next, content, note.trim()).catch(
    (err: unknown) => {
      throw isUniqueViolation(err)
        ? new AppError('CONFLICT', {
            zh: '刚有人发布了该月的更正，请刷新后再看',
            en: 'Someone has just published a correction of this month; reload to see it',
          })
        : err;
    },
  );
  return disclosureView(ctx, actor, newId);
}

/** Staff and leaders read disclosures; representatives read theirs on the public page. */
function assertReader(actor: Actor) {
  if (!actor.roles.includes('congress_staff') && !actor.roles.includes('leader'))
    throw new AppError('FORBIDDEN');
}

const subjectName = async (ctx: AppContext, kind: DisclosureKind, id: number) =>
  (await loadSubject(ctx, kind, id))?.row.name ?? `#${id}`;

/** GET /performance/disclosures/:id: one version with the others of its month. */
export async function disclosureView(ctx: AppContext, actor: Actor, id: number): Promise<DisclosureView> {
  assertReader(actor);
  const db = ctx.database.db;
  const row = await repo.disclosureInScope(db, scopeOf(actor), id);
  if (!row) throw new AppError('NOT_FOUND');
  const kind = row.kind as DisclosureKind;
  const [versions, name, by] = await Promise.all([
    repo.versionsOf(db, kind, row.subject_id, row.month),
    subjectName(ctx, kind, row.subject_id),
    repo.userName(db, row.published_by_user_id),
  ]);
  return {
    id: row.id,
    kind,
    subject: { id: row.subject_id, name },
    month: row.month,
    version: row.version,
    correctionNote: row.correction_note,
    publishedAt: row.published_at,
    publishedBy: by,
    content: JSON.parse(row.content) as DisclosureContent,
    versions: versions.map(versionInfo),
  };
}

/** GET /performance/disclosures: the published months in the actor's jurisdiction, latest version each. */
export async function listDisclosures(ctx: AppContext, actor: Actor, q: DisclosureListQuery) {
  assertReader(actor);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.latestDisclosures(
    ctx.database.db,
    scopeOf(actor),
    { kind: q.kind, month: q.month, subjectId: q.subjectId },
    page,
    pageSize,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as DisclosureKind,
      subject: { id: r.subject_id, name: r.subject_name ?? `#${r.subject_id}` },
      month: r.month,
      version: r.version,
      correctionNote: r.correction_note,
      publishedAt: r.published_at,
    })),
    total,
    page,
    pageSize,
  };
}

// --- Public ------------------------------------------------------------------------------------

const notDisclosed = (kind: DisclosureKind) =>
  new AppError(
    'NOT_FOUND',
    kind === 'station'
      ? { zh: '未找到该站点，请核对二维码或网址', en: 'No station has this code' }
      : {
          zh: '未找到该代表的履职公示，请核对二维码或网址',
          en: 'No public representative has this code',
        },
  );

/**
 * GET /public/disclosures/stations/:code and …/representatives/:code: the published months and
 * one version of one month (the latest month and version unless asked) — only what was published.
 */
export async function publicDisclosure(
  ctx: AppContext,
  kind: DisclosureKind,
  code: string,
  q: PublicDisclosureQuery,
): Promise<PublicDisclosure> {
  const db = ctx.database.db;
  const publicCode = code.toLowerCase();
  const s =
    kind === 'station'
      ? await repo.stationSubject(db, { publicCode })
      : await repo.representativeSubject(db, { publicCode });
  if (!s || ('is_public' in s && s.is_public !== 1)) throw notDisclosed(kind);
  const months = await repo.publishedMonths(db, kind, s.id);
  const month = q.month ?? months[0] ?? null;
  const subject = { name: s.name, publicCode: s.public_code ?? publicCode };
  if (month === null || !months.includes(month)) {
    if (q.version !== undefined) throw noSuchVersion();
    return { kind, subject, months, month, disclosure: null };
  }
  const versions = await repo.versionsOf(db, kind, s.id, month);
  const latest = versions.at(-1)!;
  const shown = q.version === undefined ? latest : versions.find((v) => v.version === q.version);
  if (!shown) throw noSuchVersion();
  return {
    kind,
    subject,
    months,
    month,
    disclosure: {
      version: shown.version,
      latestVersion: latest.version,
      publishedAt: shown.published_at,
      correctionNote: shown.correction_note,
      versions: versions.map((v) => ({
        version: v.version,
        publishedAt: v.published_at,
        correctionNote: v.correction_note,
      })),
      content: JSON.parse(shown.content) as DisclosureContent,
    },
  };
}

const noSuchVersion = () =>
  new AppError('NOT_FOUND', { zh: '没有这一版公示', en: 'No such version of this disclosure' });
