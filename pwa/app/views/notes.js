// Notes: encouragement from colleagues, to a person, a team, a site or a region.

import { t } from "../i18n.js";
import { emptyPage } from "../ui/empty.js";

export const title = () => t("notes.title");

export const render = () => emptyPage("notes", { art: "notes" });
