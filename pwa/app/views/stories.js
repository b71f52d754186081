// Stories: colleagues' workday videos, leaders' messages and tips.

import { t } from "../i18n.js";
import { emptyPage } from "../ui/empty.js";

export const title = () => t("stories.title");

export const render = () => emptyPage("stories", { art: "stories" });
