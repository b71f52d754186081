// The tools listed under More ("Your tools"), each opened by one permission. `console`: a
// screen of the health console (ui/console-nav.js links them to each other).

import { can } from "./permissions.js";

export const TOOLS = [
  { id: "checkins", path: "/tools/checkins", permission: "checkins.run", icon: "alert" },
  { id: "directory", path: "/tools/directory", permission: "directory.manage", icon: "users" },
  { id: "publish", path: "/tools/publish", permission: "news.publish", icon: "megaphone" },
  { id: "notify", path: "/tools/notify", permission: "notify.send", icon: "bell" },
  { id: "campaigns", path: "/tools/campaigns", permission: "notes.campaigns", icon: "notes" },
  { id: "moderation", path: "/tools/moderation", permission: "notes.moderate", icon: "flag" },
  { id: "stories", path: "/tools/stories", permission: "stories.moderate", icon: "stories" },
  { id: "events", path: "/tools/events", permission: "events.host", icon: "video" },
  { id: "tips", path: "/tools/tips", permission: "tips.publish", icon: "pin" },
  { id: "storySettings", path: "/tools/story-settings", permission: "stories.settings",
    icon: "video" },
  { id: "supplies", path: "/tools/supplies", permission: "supplies.manage", icon: "box" },
  { id: "health", path: "/tools/health", permission: "health.summary", icon: "activity",
    console: true },
  { id: "holds", path: "/tools/health/holds", permission: "health.oversee", icon: "alert",
    console: true },
  { id: "rules", path: "/tools/health/rules", permission: "health.oversee", icon: "pass",
    console: true },
  { id: "audit", path: "/tools/health/audit", permission: "health.oversee", icon: "clock",
    console: true },
  { id: "scans", path: "/tools/health/scans", permission: "pass.scan_summary", icon: "scan",
    console: true },
  { id: "scan", path: "/tools/scan", permission: "pass.scan", icon: "scan" },
];

/** The tools this person may use, in a stable order. */
export const toolsFor = (user) => TOOLS.filter((tool) => can(user, tool.permission));

export const toolAt = (path) => TOOLS.find((tool) => tool.path === path);
