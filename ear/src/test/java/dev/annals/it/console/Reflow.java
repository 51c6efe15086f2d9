package dev.annals.it.console;

/**
 * What "readable at 200% zoom" means for a console page, as a script any browser runs: the page
 * never scrolls sideways, and every control a person can see has a size and lies inside the page's
 * width — or inside a box that scrolls sideways itself (a wide table, which WCAG 1.4.10 allows to
 * scroll in two directions) and that box inside the page's width.
 */
final class Reflow {

  /** An expression whose value is the list of problems found (empty when there are none). */
  static final String PROBLEMS =
      """
      (() => {
        const width = document.documentElement.clientWidth;
        const problems = [];
        const page = document.documentElement.scrollWidth;
        if (page > width) problems.push(`the page scrolls sideways: ${page} > ${width} CSS px`);
        const name = (el) => {
          const label = el.getAttribute("aria-label") || el.id || el.name || el.textContent.trim();
          return `${el.tagName.toLowerCase()} "${label.slice(0, 40)}"`;
        };
        const scroller = (el) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return p;
          }
          return null;
        };
        const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary";
        for (const el of document.querySelectorAll(controls)) {
          if (!el.checkVisibility({ visibilityProperty: true })) continue;
          const r = el.getBoundingClientRect();
          if (r.width < 1 || r.height < 1) {
            problems.push(`${name(el)} has no size`);
            continue;
          }
          const box = (scroller(el) || el).getBoundingClientRect();
          if (box.left < -1 || box.right > width + 1) {
            problems.push(`${name(el)} lies outside the page: ${Math.round(box.left)}..${Math.round(box.right)} of ${width} CSS px`);
          }
        }
        return problems;
      })()
      """;

  private Reflow() {}
}
