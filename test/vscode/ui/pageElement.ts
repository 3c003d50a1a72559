/**
 * The little of the DOM that the page functions in ui/ use, typed here because the
 * test project compiles for Node (no DOM library): functions passed to playwright's
 * evaluate run in the browser and see real elements; this is what they may touch.
 * Only a type: a page function cannot call anything imported here.
 */
export interface PageElement {
  readonly textContent: string | null;
  readonly classList: { contains(token: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}
