/**
 * What a citizen who scanned a QR code may see (DESIGN.md §2 public role, §7 privacy): a station
 * with its schedule and the representatives who chose a public profile, a representative's public
 * fields, published cases (redacted texts only), the deployment's headline numbers. Organisation
 * data comes through the org services, opinions through the opinions services.
 */
import { upcomingReceptionDays } from '../activities/receptions.service.ts';
import type { Static } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import { listCategories } from '../org/congresses.service.ts';
import { CONGRESS_LEVELS } from '../org/org.domain.ts';
import {
  countActiveRepresentatives,
  findRepresentativeByPublicCode,
  representativeQrCode,
  rosterProfiles,
  type PublicProfile,
} from '../org/representatives.service.ts';
import {
  activePublicStations,
  countActiveStations,
  findStationByPublicCode,
  getStation,
} from '../org/stations.service.ts';
import type {
  PublicHeadline,
  PublicRepresentativePage,
  PublicStationPage,
  PublishedItem,
} from '../opinions/public.schema.ts';
import { deploymentKpis, listPublishedCases } from '../opinions/published.service.ts';
import { renderPoster } from './poster.ts';
import type { PublicCategory, PublishedQuery } from './public.schema.ts';
import { publicPageUrl, qrPng, qrSvg, type QrKind } from './qr.ts';

/** Published cases shown on a station's or a representative's page; more on the list. */
const PUBLISHED_ON_PAGE = 5;
export const PUBLISHED_PAGE_SIZE = 10;

/** Printed codes use lower case; a code typed from a poster in capitals still finds its page. */
const normalise = (code: string) => code.toLowerCase();

const notFound = (zh: string, en: string) => new AppError('NOT_FOUND', { zh, en });
const stationNotFound = () =>
  notFound('未找到该站点，请核对二维码或网址', 'No station has this code; check the QR code or address');
const representativeNotFound = () =>
  notFound(
    '未找到该代表，请核对二维码或网址',
    'No representative has this code; check the QR code or address',
  );

/** Who appears on a public roster: serving, and with a profile they agreed to make public. */
export function showsOnPublicRoster(p: Pick<PublicProfile, 'status' | 'isPublic'>): boolean {
  return p.status === 'active' && p.isPublic;
}

/** A roster as people read it: the highest congress first (全国 … 乡镇), then by name in pinyin order. */
export function byRank<T extends Pick<PublicProfile, 'levels' | 'name'>>(reps: readonly T[]): T[] {
  const rank = (r: T) => (r.levels[0] ? CONGRESS_LEVELS.indexOf(r.levels[0]) : CONGRESS_LEVELS.length);
  return [...reps].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function stationPage(ctx: AppContext, code: string): Promise<PublicStationPage> {
  const s = await findStationByPublicCode(ctx, normalise(code));
  if (!s) throw stationNotFound();
  const active = s.status === 'active';
  const [roster, published, receptionDays] = await Promise.all([
    active ? rosterProfiles(ctx, s.id) : Promise.resolve([]),
    listPublishedCases(ctx, { stationId: s.id }, 1, PUBLISHED_ON_PAGE),
    active ? upcomingReceptionDays(ctx, s.id, s.receptionNoticeDays) : Promise.resolve([]),
  ]);
  return {
    publicCode: s.publicCode,
    status: s.status,
    name: s.name,
    tier: s.tier,
    jurisdictionName: s.jurisdictionName,
    address: s.address,
    receptionText: s.receptionText,
    nextReceptions: s.nextReceptions,
    receptionDays,
    representatives: byRank(roster.filter(showsOnPublicRoster)).map((p) => ({
      publicCode: p.publicCode,
      name: p.name,
      levels: p.levels,
      employer: p.employer,
      post: p.post,
    })),
    successor: s.successor ? { publicCode: s.successor.publicCode, name: s.successor.name } : null,
    published: published.items,
  };
}

export async function representativePage(ctx: AppContext, code: string): Promise<PublicRepresentativePage> {
  const r = await findRepresentativeByPublicCode(ctx, normalise(code));
  if (!r) throw representativeNotFound();
  const base = { publicCode: r.publicCode, name: r.name, active: r.status === 'active' };
  if (!r.isPublic) {
    // A private profile: the name (to know the message reaches the right person) and the form.
    return {
      ...base,
      profilePublic: false,
      levels: [],
      employer: null,
      post: null,
      bio: null,
      stations: [],
      published: [],
    };
  }
  const [stations, published] = await Promise.all([
    activePublicStations(ctx, r.stationIds),
    listPublishedCases(ctx, { representativeId: r.id }, 1, PUBLISHED_ON_PAGE),
  ]);
  return {
    ...base,
    profilePublic: true,
    levels: r.levels,
    employer: r.employer,
    post: r.post,
    bio: r.bio,
    stations: stations.map((s) => ({
      publicCode: s.publicCode,
      name: s.name,
      receptionText: s.receptionText,
    })),
    published: published.items,
  };
}

export async function publishedCases(ctx: AppContext, query: PublishedQuery): Promise<PageOf<PublishedItem>> {
  let stationId: number | undefined;
  if (query.stationCode !== undefined) {
    const s = await findStationByPublicCode(ctx, normalise(query.stationCode));
    if (!s) throw stationNotFound();
    stationId = s.id;
  }
  return listPublishedCases(ctx, { stationId }, query.page ?? 1, PUBLISHED_PAGE_SIZE);
}

export async function headline(ctx: AppContext): Promise<Static<typeof PublicHeadline>> {
  const [kpis, representatives, stations] = await Promise.all([
    deploymentKpis(ctx),
    countActiveRepresentatives(ctx),
    countActiveStations(ctx),
  ]);
  return {
    collected: kpis.counts.collected,
    handled: kpis.counts.handled,
    responseRate: kpis.responseRate,
    onTimeRate: kpis.onTimeRate,
    resolutionRate: kpis.resolutionRate,
    satisfactionRate: kpis.satisfactionRate,
    rated: kpis.counts.rated,
    representatives,
    stations,
  };
}

/** The level-1 routing categories (DESIGN.md §3), in their configured order. */
export async function publicCategories(ctx: AppContext): Promise<PublicCategory[]> {
  return (await listCategories(ctx))
    .filter((c) => c.level === 1)
    .map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn }));
}

/** A station's or representative's QR code; 404 when no record has the code (a retired station's still works). */
export async function qrImage(
  ctx: AppContext,
  kind: QrKind,
  code: string,
  format: 'svg' | 'png',
): Promise<string | Buffer> {
  const wanted = normalise(code);
  const found =
    kind === 's'
      ? (await findStationByPublicCode(ctx, wanted))?.publicCode
      : (await findRepresentativeByPublicCode(ctx, wanted))?.publicCode;
  if (!found) throw kind === 's' ? stationNotFound() : representativeNotFound();
  const url = publicPageUrl(ctx.config, kind, found);
  return format === 'svg' ? qrSvg(url) : qrPng(url);
}

/**
 * The A4 poster of a station the actor may see (404 otherwise, like every scoped read): the
 * representatives shown are those the public page shows, so the poster and the page agree.
 */
export async function stationPoster(ctx: AppContext, actor: Actor, id: number): Promise<string> {
  const s = await getStation(ctx, actor, id);
  const roster =
    s.status === 'active' ? byRank((await rosterProfiles(ctx, id)).filter(showsOnPublicRoster)) : [];
  const url = publicPageUrl(ctx.config, 's', s.publicCode);
  return renderPoster({
    name: s.name,
    tier: s.tier,
    jurisdictionName: s.jurisdiction.name,
    address: s.address,
    receptionText: s.receptionText,
    nextReceptions: s.nextReceptions,
    representatives: roster.map((r) => ({ name: r.name, levels: r.levels })),
    qrSvg: await qrSvg(url),
    url,
    retired: s.status === 'retired',
  });
}

/** A representative's QR code as a PNG for staff to download (scoped like every read). */
export async function representativeQrDownload(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ png: Buffer; filename: string }> {
  const r = await representativeQrCode(ctx, actor, id);
  return {
    png: await qrPng(publicPageUrl(ctx.config, 'r', r.publicCode), 1024),
    filename: `代表二维码-${r.name}.png`,
  };
}
