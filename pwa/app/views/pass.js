// Pass: the daily health declaration and the green pass shown at the entrance.

import { t } from "../i18n.js";
import { emptyPage } from "./empty.js";

export const title = () => t("pass.title");

export const render = () => emptyPage("pass", { art: "pass" });
