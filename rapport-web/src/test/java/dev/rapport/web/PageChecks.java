package dev.rapport.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/** What every page and dialog is held to: axe-core's serious and critical rules, and Tab reaching each control. */
final class PageChecks {
  private PageChecks() {}

  /** Axe-core's serious and critical violations on the page as it is now, each with where it is. */
  static List<String> seriousViolations(Page page) {
    List<String> found = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
            .map(node -> String.valueOf(node.getTarget())).toList());
      }
    }
    return found;
  }

  /**
   * The visible controls inside {@code scope} (a CSS selector: {@code body}, or {@code dialog[open]}
   * while a modal dialog holds focus) that pressing Tab never reaches, as HTML; at least one control
   * must be there.
   */
  static List<String> controlsTabMisses(Page page, String scope) {
    // Numbers every visible control, then tabs through the page and notes which of them took focus.
    int controls = ((Number) page.evaluate("""
        scope => { let n = 0;
          for (const el of document.querySelectorAll('[data-control]')) delete el.dataset.control;
          for (const el of document.querySelector(scope).querySelectorAll('a[href], button, input, textarea, select')) {
            if (el.disabled || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
            // A radio group is one stop for Tab, its checked choice; arrow keys move within it.
            if (el.type === 'radio' && !el.checked) continue;
            el.dataset.control = String(n++); }
          return n; }""", scope)).intValue();
    if (controls == 0) {
      return List.of("no control at all in " + scope);
    }
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < controls + 10; i++) {
      page.keyboard().press("Tab");
      Object id = page.evaluate("document.activeElement?.dataset?.control ?? null");
      if (id != null && !reached.contains(id.toString())) {
        reached.add(id.toString());
      }
    }
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < controls; i++) {
      if (!reached.contains(String.valueOf(i))) {
        missed.add((String) page.evaluate("i => document.querySelector(`[data-control=\"${i}\"]`).outerHTML", i));
      }
    }
    return missed;
  }
}
