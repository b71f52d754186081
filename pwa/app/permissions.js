// What this person may do, asked by name: can(user, "news.publish"). The server sends the names
// with the profile (GET /api/me "permissions") and checks every request again; on the phone
// they only decide what is shown.

/** The names of everything this person may do (none when signed out). */
export function permissionsOf(user) {
  if (!user) return [];
  return Array.isArray(user.permissions) ? user.permissions : fromRoles(user);
}

export const can = (user, name) => permissionsOf(user).includes(name);

// TODO(i9-merge): remove the roles fallback once /api/me sends permissions
// (this block, and its call above). Until then: the server's table, name -> roles.
const BY_ROLE = {
  "directory.manage": ["hr", "admin"],
  "news.manage": ["hr", "admin"], // pin, and publish company-wide or to any unit
  "news.publish": ["editor", "hr", "admin"],
  "health.oversee": ["health_officer"],
  "pass.scan": ["guard"],
};
const fromRoles = (user) => Object.keys(BY_ROLE)
  .filter((name) => BY_ROLE[name].some((role) => user.roles?.includes(role)))
  .sort();
