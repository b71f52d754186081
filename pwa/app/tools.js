// The tools listed under More ("Your tools"), each opened by one permission.

import { can } from "./permissions.js";

export const TOOLS = [
  { id: "directory", path: "/tools/directory", permission: "directory.manage", icon: "users" },
  { id: "publish", path: "/tools/publish", permission: "news.publish", icon: "megaphone" },
  { id: "health", path: "/tools/health", permission: "health.oversee", icon: "activity" },
  { id: "scan", path: "/tools/scan", permission: "pass.scan", icon: "scan" },
];

/** The tools this person may use, in a stable order. */
export const toolsFor = (user) => TOOLS.filter((tool) => can(user, tool.permission));

export const toolAt = (path) => TOOLS.find((tool) => tool.path === path);
