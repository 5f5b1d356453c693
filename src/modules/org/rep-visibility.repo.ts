/**
 * Which representatives a scope may see. A representative's record is managed by one
 * jurisdiction (the office that keeps it), but the five levels of representatives are all
 * stationed at the grass roots (全面编入基层家站点): a city deputy on a district station's roster,
 * in one of its grids or groups, is someone that district's office works with every month.
 * So a representative is visible in a scope when it manages them, OR when they serve on a
 * station, grid or group of that scope. Editing stays with the managing office (see
 * representatives.service.ts). Every read of representatives goes through this one predicate.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { inScope, isGlobal, type Scope } from '../../platform/db/scope.ts';

export function representativeVisible(
  scope: Scope,
  idColumn: string,
  jurisdictionColumn: string,
): RawBuilder<SqlBool> {
  if (isGlobal(scope)) return sql<SqlBool>`1 = 1`;
  const id = sql.ref(idColumn);
  return sql<SqlBool>`(${inScope(scope, jurisdictionColumn)}
    or exists (select 1 from station_member vm inner join station vs on vs.id = vm.station_id
               where vm.representative_id = ${id} and ${inScope(scope, 'vs.jurisdiction_id')})
    or exists (select 1 from grid_member vm inner join grid vg on vg.id = vm.grid_id
               where vm.representative_id = ${id} and ${inScope(scope, 'vg.jurisdiction_id')})
    or exists (select 1 from group_member vm inner join rep_group vr on vr.id = vm.group_id
               where vm.representative_id = ${id} and ${inScope(scope, 'vr.jurisdiction_id')}))`;
}
