import { z } from "zod";

/** Roles in increasing power; each includes what the ones before it may do. */
export const ROLES = ["viewer", "editor", "reviewer", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const roleRank = (r: Role): number => ROLES.indexOf(r);

/** A grant of a role, optionally scoped to one partnership and one party. */
export interface RoleGrant {
  role: Role;
  /** null: every partnership. */
  partnershipId: number | null;
  /** ISO code of the party the holder acts for; null: either party. */
  party: string | null;
}

/** The authenticated caller of a request or command, with its grants. */
export interface Principal {
  user: { id: number; email: string; name: string; isAdmin: boolean } | null;
  grants: RoleGrant[];
}

export const ANONYMOUS: Principal = { user: null, grants: [] };

/**
 * Whether the principal holds at least `role` on the partnership (and, when
 * given, for that party). Global admins may do everything.
 */
export function hasRole(p: Principal, role: Role, partnershipId: number | null, party?: string): boolean {
  if (p.user?.isAdmin) return true;
  return p.grants.some(
    (g) =>
      roleRank(g.role) >= roleRank(role) &&
      (g.partnershipId === null || g.partnershipId === partnershipId) &&
      (party === undefined || g.party === null || g.party === party),
  );
}

/** The parties on whose behalf the principal holds `role` in the partnership. */
export function partiesWithRole(p: Principal, role: Role, partnershipId: number, parties: readonly string[]): string[] {
  return parties.filter((party) => hasRole(p, role, partnershipId, party));
}
