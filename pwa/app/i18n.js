// The PWA's strings in English and Simplified Chinese; the language is the browser's.

const STRINGS = {
  en: {
    "app.name": "Together",
    "app.tagline": "Informed, connected and safe, together.",
    "app.loading": "Loading…",
    "app.retry": "Try again",
    "signin.title": "Sign in",
    "signin.lead": "Use your work email. We'll send you a 6-digit code — no password needed.",
    "signin.email": "Work email",
    "signin.emailPlaceholder": "name@company.com",
    "signin.emailInvalid": "Enter your work email address.",
    "signin.send": "Send me a code",
    "signin.sending": "Sending…",
    "code.title": "Check your email",
    "code.lead": "We sent a 6-digit code to",
    "code.label": "6-digit code",
    "code.invalid": "Enter the 6 digits from the email.",
    "code.submit": "Sign in",
    "code.checking": "Checking…",
    "code.resend": "Send a new code",
    "code.resent": "A new code is on its way.",
    "code.change": "Use a different email",
    "code.hint": "The code works for 10 minutes. Check your spam folder if it hasn't arrived.",
    "home.hello": "Hello, {name}",
    "home.lead": "You're signed in. We're glad you're here.",
    "home.details": "Your details",
    "home.unit": "Business unit",
    "home.department": "Department",
    "home.site": "Site",
    "home.email": "Email",
    "home.signout": "Sign out",
    "error.offline": "You seem to be offline. Check your connection and try again.",
    "error.timeout": "The network is slow right now. Please try again.",
    "error.generic": "Something went wrong. Please try again.",
    "toast.dismiss": "Dismiss",
  },
  "zh-CN": {
    "app.name": "Together",
    "app.tagline": "及时知情，彼此相连，一起平安。",
    "app.loading": "正在加载…",
    "app.retry": "重试",
    "signin.title": "登录",
    "signin.lead": "请使用工作邮箱。我们会发送一个 6 位验证码，无需密码。",
    "signin.email": "工作邮箱",
    "signin.emailPlaceholder": "name@company.com",
    "signin.emailInvalid": "请输入你的工作邮箱地址。",
    "signin.send": "发送验证码",
    "signin.sending": "正在发送…",
    "code.title": "请查收邮件",
    "code.lead": "我们已将 6 位验证码发送至",
    "code.label": "6 位验证码",
    "code.invalid": "请输入邮件中的 6 位数字。",
    "code.submit": "登录",
    "code.checking": "正在验证…",
    "code.resend": "重新发送验证码",
    "code.resent": "新的验证码已发出。",
    "code.change": "使用其他邮箱",
    "code.hint": "验证码 10 分钟内有效。如未收到，请查看垃圾邮件。",
    "home.hello": "你好，{name}",
    "home.lead": "你已登录。很高兴见到你。",
    "home.details": "你的信息",
    "home.unit": "事业部",
    "home.department": "部门",
    "home.site": "办公地点",
    "home.email": "邮箱",
    "home.signout": "退出登录",
    "error.offline": "网络似乎已断开。请检查网络后重试。",
    "error.timeout": "当前网络较慢，请重试。",
    "error.generic": "出了点问题，请重试。",
    "toast.dismiss": "关闭",
  },
};

export const LANGUAGES = Object.keys(STRINGS);

/** The first of the browser's languages that we speak; any Chinese variant gets zh-CN. */
export function pickLanguage(preferred = navigator.languages || [navigator.language]) {
  for (const tag of preferred) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

export const lang = pickLanguage();

/** A string by key, with {name}-style parameters filled in; unknown keys fall back to English. */
export function t(key, params = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}
