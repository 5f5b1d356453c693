/** The flat GET /jurisdictions/tree list as a nested tree, with counts summed over each sub-tree. */
import { useQuery } from '@tanstack/react-query';
import { getJurisdictionTree } from '../api/jurisdictions.ts';
import { keys } from '../api/keys.ts';
import type { JurisdictionNode } from '../api/types.ts';

export type Counts = JurisdictionNode['counts'];

export interface TreeNode extends JurisdictionNode {
  children: TreeNode[];
  /** Counts of this node and all its descendants. */
  total: Counts;
  depth: number;
}

const ZERO: Counts = { representatives: 0, stations: 0, grids: 0, units: 0 };

function add(a: Counts, b: Counts): Counts {
  return {
    representatives: a.representatives + b.representatives,
    stations: a.stations + b.stations,
    grids: a.grids + b.grids,
    units: a.units + b.units,
  };
}

export interface NestedTree {
  roots: TreeNode[];
  byId: Map<number, TreeNode>;
}

export function nestNodes(nodes: readonly JurisdictionNode[]): NestedTree {
  const byId = new Map<number, TreeNode>();
  for (const n of nodes) byId.set(n.id, { ...n, children: [], total: n.counts, depth: 0 });
  const roots: TreeNode[] = [];
  for (const n of nodes) {
    const node = byId.get(n.id)!;
    const parent = n.parentId !== null ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sum = (node: TreeNode, depth: number): Counts => {
    node.depth = depth;
    node.total = node.children.reduce((acc, c) => add(acc, sum(c, depth + 1)), add(ZERO, node.counts));
    return node.total;
  };
  for (const r of roots) sum(r, 0);
  return { roots, byId };
}

/** The user's jurisdiction sub-tree, nested. Shared (cached) by every page that needs it. */
export function useJurisdictionTree(enabled = true) {
  return useQuery({
    queryKey: keys.jurisdictionTree,
    queryFn: getJurisdictionTree,
    select: (data) => nestNodes(data.nodes),
    staleTime: 60_000,
    enabled,
  });
}

/** Names from the root down to the node: 绍兴市 / 越城区 / 府山街道. */
export function pathNames(tree: NestedTree | undefined, id: number | undefined): string[] {
  const names: string[] = [];
  let node = id !== undefined ? tree?.byId.get(id) : undefined;
  while (node) {
    names.unshift(node.name);
    node = node.parentId !== null ? tree?.byId.get(node.parentId) : undefined;
  }
  return names;
}
