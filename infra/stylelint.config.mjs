// Stylelint for the phone's styles (pwa/styles/): `sh infra/lint-js.sh`. The standard config,
// less the rules that only fight the project's own consistent style (each says why).

export default {
  extends: ["stylelint-config-standard"],
  ignoreFiles: ["pwa/vendor/**"],
  rules: {
    // Classes are named by what they show, with short prefixes per screen (hp-, dc-, scan-)
    // and state classes (is-ok, is-failed); kebab-case is kept, the standard's pattern is not.
    "selector-class-pattern": null,
    // Tokens are named as in a palette (--tint-news, --on-primary); no pattern to add.
    "custom-property-pattern": null,
    // The keyframes are named by what they animate (hp-sweep, toast-in), which is kebab-case.
    "keyframes-name-pattern": null,
    // Rules read in the order a screen is built (container, then its parts, then states), and a
    // later, more specific rule sometimes precedes a simpler one; reordering would hurt reading.
    "no-descending-specificity": null,
    // The tokens block groups colours by meaning with blank lines; the standard wants none there.
    "custom-property-empty-line-before": null,
    // Colours with alpha are written rgba(0, 0, 0, 0.16) throughout: the name says "alpha".
    "color-function-notation": "legacy",
    "color-function-alias-notation": null,
    "alpha-value-notation": "number",
    // Font names keep their own spelling (the font stack is a token), and SVG's currentColor too.
    "value-keyword-case": ["lower", { ignoreProperties: ["--font"], camelCaseSvgKeywords: true }],
    // `min-height: 100vh` then `100dvh`: the first is the fallback for browsers without dvh.
    "declaration-block-no-duplicate-properties": [true, {
      ignore: ["consecutive-duplicates-with-different-syntaxes"],
    }],
  },
};
