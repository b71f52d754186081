// What this person may do, asked by name: can(user, "news.publish"). The server sends the names
// with the profile (GET /api/me "permissions") and checks every request again; on the phone
// they only decide what is shown.

/** The names of everything this person may do (none when signed out). */
export function permissionsOf(user) {
  return Array.isArray(user?.permissions) ? user.permissions : [];
}

export const can = (user, name) => permissionsOf(user).includes(name);

