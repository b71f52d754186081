// News: the daily video editions of the person's unit, site and company.

import { t } from "../i18n.js";
import { emptyPage } from "./empty.js";

export const title = () => t("news.title");

export const render = (ctx) =>
  emptyPage("news", { art: "news", params: { unit: ctx.user.business_unit, site: ctx.user.site } });
